package io.sharedstate.python;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sharedstate.python.pickle.PickleCall;
import io.sharedstate.value.SharedValue;

/**
 * {@code ValueProxy} on a {@link SharedValue}. As in Python's manager, the typecode is
 * kept but not enforced; the value comes back to Python as a
 * {@code multiprocessing.managers.Value}.
 */
final class ValueMethods extends PythonMethods {

	static final ValueMethods INSTANCE = new ValueMethods();

	private ValueMethods() {
		super("ValueProxy", "get", "set");
	}

	@Override
	@SuppressWarnings("unchecked")
	Object call(MethodCall call) {
		SharedValue<Object> value = call.object(SharedValue.class);
		Args args = call.args();
		switch (call.method()) {
			case "get" -> {
				args.accept();
				return value.get();
			}
			case "set" -> {
				value.set(args.accept("value").get(0, "value"));
				return null;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	@Override
	Object value(MethodCall call) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("_typecode", call.referent().detail());
		state.put("_value", call.object(SharedValue.class).get());
		return new PickleCall("multiprocessing.managers", "Value", List.of(), state, true);
	}

	@Override
	String repr(MethodCall call) {
		return "Value(" + PythonRepr.of(call.referent().detail()) + ", "
				+ PythonRepr.of(call.object(SharedValue.class).get()) + ")";
	}

}
