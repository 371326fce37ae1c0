package io.sharedstate.python;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.python.pickle.PickleCall;

/**
 * {@code NamespaceProxy} on a {@link SharedNamespace}; its value comes back to Python as
 * a {@code multiprocessing.managers.Namespace}.
 */
final class NamespaceMethods extends PythonMethods {

	static final NamespaceMethods INSTANCE = new NamespaceMethods();

	private NamespaceMethods() {
		super("NamespaceProxy", "__getattribute__", "__setattr__", "__delattr__");
	}

	@Override
	Object call(MethodCall call) {
		SharedNamespace namespace = call.object(SharedNamespace.class);
		Args args = call.args();
		switch (call.method()) {
			case "__getattribute__" -> {
				String name = attribute(args.accept("name").get(0, "name"));
				Object value = namespace.get(name);
				if (value == null) {
					throw PythonException.attributeError("'Namespace' object has no attribute '" + name + "'");
				}
				return PythonValues.loaded(value);
			}
			case "__setattr__" -> {
				args.accept("name", "value");
				namespace.set(attribute(args.get(0, "name")), PythonValues.nonNull(args.get(1, "value")));
				return null;
			}
			case "__delattr__" -> {
				String name = attribute(args.accept("name").get(0, "name"));
				if (!namespace.delete(name)) {
					throw PythonException.attributeError(name);
				}
				return null;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	private static String attribute(Object name) {
		if (!(name instanceof String attribute)) {
			throw PythonException.typeError("attribute name must be string, not '" + PythonValues.typeName(name) + "'");
		}
		return attribute;
	}

	@Override
	Object value(MethodCall call) {
		Map<String, Object> attributes = new LinkedHashMap<>(call.object(SharedNamespace.class).attributes());
		return new PickleCall("multiprocessing.managers", "Namespace", List.of(), attributes, true);
	}

	@Override
	String repr(MethodCall call) {
		StringBuilder text = new StringBuilder("Namespace(");
		String separator = "";
		for (Map.Entry<String, Object> entry : new TreeMap<>(call.object(SharedNamespace.class).attributes())
			.entrySet()) {
			if (!entry.getKey().startsWith("_")) {
				text.append(separator).append(entry.getKey()).append('=').append(PythonRepr.of(entry.getValue()));
				separator = ", ";
			}
		}
		return text.append(')').toString();
	}

}
