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
final class ValueMethods implements PythonMethods {

	static final ValueMethods INSTANCE = new ValueMethods();

	private static final List<String> EXPOSED = List.of("get", "set");

	@Override
	public List<String> exposed() {
		return EXPOSED;
	}

	@Override
	public String proxyClass() {
		return "ValueProxy";
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object call(MethodCall call) {
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
	public Object value(MethodCall call) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("_typecode", call.referent().detail());
		state.put("_value", call.object(SharedValue.class).get());
		return new PickleCall("multiprocessing.managers", "Value", List.of(), state, true);
	}

	@Override
	public String repr(MethodCall call) {
		return "Value(" + PythonRepr.of(call.referent().detail()) + ", "
				+ PythonRepr.of(call.object(SharedValue.class).get()) + ")";
	}

}
