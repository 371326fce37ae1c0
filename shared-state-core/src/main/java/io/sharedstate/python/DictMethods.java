package io.sharedstate.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sharedstate.dict.SharedDict;
import io.sharedstate.snapshot.Tuple;

/**
 * {@code DictProxy} on a {@link SharedDict}, with the methods of every Python from 3.8 to
 * 3.14. The dict keeps no insertion order (it is a {@code ConcurrentMap}):
 * {@code keys()}, iteration and {@code popitem()} follow the map's order.
 */
final class DictMethods extends PythonMethods {

	static final DictMethods INSTANCE = new DictMethods();

	private DictMethods() {
		super("DictProxy", "__contains__", "__delitem__", "__getitem__", "__ior__", "__iter__", "__len__", "__or__",
				"__reversed__", "__ror__", "__setitem__", "clear", "copy", "fromkeys", "get", "items", "keys", "pop",
				"popitem", "setdefault", "update", "values");
	}

	@Override
	@SuppressWarnings("unchecked")
	Object call(MethodCall call) {
		SharedDict<Object, Object> dict = call.object(SharedDict.class);
		Args args = call.args();
		switch (call.method()) {
			case "__getitem__" -> {
				Object key = args.accept("key").get(0, "key");
				Object value = dict.get(key(key));
				if (value == null) {
					throw PythonException.keyError(key);
				}
				return PythonValues.loaded(value);
			}
			case "__setitem__" -> {
				args.accept("key", "value");
				dict.put(key(args.get(0, "key")), PythonValues.nonNull(args.get(1, "value")));
				return null;
			}
			case "__delitem__" -> {
				Object key = args.accept("key").get(0, "key");
				if (dict.remove(key(key)) == null) {
					throw PythonException.keyError(key);
				}
				return null;
			}
			case "__contains__" -> {
				return dict.containsKey(key(args.accept("key").get(0, "key")));
			}
			case "__len__" -> {
				args.accept();
				return dict.size();
			}
			case "__iter__" -> {
				args.accept();
				return call.iterator(keys(dict).iterator());
			}
			case "__reversed__" -> {
				args.accept();
				List<Object> keys = keys(dict);
				Collections.reverse(keys);
				return io.sharedstate.python.pickle.PickleCall.of("builtins", "iter", keys);
			}
			case "clear" -> {
				args.accept();
				dict.clear();
				return null;
			}
			case "copy" -> {
				args.accept();
				return dict.snapshot();
			}
			case "fromkeys" -> {
				args.accept("iterable", "value");
				Map<Object, Object> result = new LinkedHashMap<>();
				Object value = args.get(1, "value", null);
				for (Object key : PythonValues.elements(args.get(0, "iterable"))) {
					result.put(key, value);
				}
				return result;
			}
			case "get" -> {
				args.accept("key", "default");
				Object value = dict.get(key(args.get(0, "key")));
				return (value != null) ? PythonValues.loaded(value) : args.get(1, "default", null);
			}
			case "items" -> {
				args.accept();
				List<Object> items = new ArrayList<>();
				dict.snapshot()
					.forEach((key, value) -> items.add(Tuple.of(PythonValues.loaded(key), PythonValues.loaded(value))));
				return items;
			}
			case "keys" -> {
				args.accept();
				return keys(dict);
			}
			case "values" -> {
				args.accept();
				List<Object> values = new ArrayList<>();
				dict.snapshot().values().forEach((value) -> values.add(PythonValues.loaded(value)));
				return values;
			}
			case "pop" -> {
				args.accept("key", "default");
				Object key = args.get(0, "key");
				Object value = dict.remove(key(key));
				if (value != null) {
					return PythonValues.loaded(value);
				}
				if (args.has(1, "default")) {
					return args.get(1, "default");
				}
				throw PythonException.keyError(key);
			}
			case "popitem" -> {
				args.accept();
				return popItem(dict);
			}
			case "setdefault" -> {
				args.accept("key", "default");
				Object value = args.get(1, "default", null);
				Object existing = dict.putIfAbsent(key(args.get(0, "key")), PythonValues.nonNull(value));
				return (existing != null) ? PythonValues.loaded(existing) : value;
			}
			case "update", "__ior__" -> {
				if (call.method().equals("__ior__")) {
					args.accept("other");
					if (!(args.get(0, "other") instanceof Map<?, ?>)) {
						throw PythonException.typeError("unsupported operand type(s) for |=: 'dict' and '"
								+ PythonValues.typeName(args.get(0, "other")) + "'");
					}
				}
				else if (args.size() > 1) {
					throw PythonException.typeError("update expected at most 1 argument, got " + args.size());
				}
				update(dict, (args.size() == 1) ? args.positional().get(0) : null, args.keywords());
				return null;
			}
			case "__or__", "__ror__" -> {
				args.accept("other");
				Object other = args.get(0, "other");
				if (!(other instanceof Map<?, ?> otherMap)) {
					throw PythonException.typeError(
							"unsupported operand type(s) for |: 'dict' and '" + PythonValues.typeName(other) + "'");
				}
				Map<Object, Object> result = new LinkedHashMap<>();
				if (call.method().equals("__ror__")) {
					result.putAll(otherMap);
				}
				dict.snapshot()
					.forEach((key, value) -> result.put(PythonValues.loaded(key), PythonValues.loaded(value)));
				if (call.method().equals("__or__")) {
					result.putAll(otherMap);
				}
				return result;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	/**
	 * Updates a dict as {@code dict.update(source, **keywords)} does.
	 * @param dict the dict
	 * @param source a mapping or pairs, or {@code null}
	 * @param keywords more entries
	 */
	static void update(SharedDict<Object, Object> dict, Object source, Map<String, Object> keywords) {
		Map<Object, Object> entries = new LinkedHashMap<>();
		if (source != null) {
			entries.putAll(entries(source));
		}
		entries.putAll(keywords);
		entries.forEach((key, value) -> dict.put(key(key), PythonValues.nonNull(value)));
	}

	private static Object popItem(SharedDict<Object, Object> dict) {
		while (true) {
			Iterator<Object> keys = dict.keySet().iterator();
			if (!keys.hasNext()) {
				throw PythonException.keyError("popitem(): dictionary is empty");
			}
			Object key = keys.next();
			Object value = dict.remove(key);
			if (value != null) {
				return Tuple.of(PythonValues.loaded(key), PythonValues.loaded(value));
			}
		}
	}

	private static List<Object> keys(SharedDict<Object, Object> dict) {
		List<Object> keys = new ArrayList<>();
		for (Object key : dict.snapshot().keySet()) {
			keys.add(PythonValues.loaded(key));
		}
		return keys;
	}

	/** The entries of what {@code dict.update} takes: a mapping or pairs. */
	private static Map<Object, Object> entries(Object source) {
		Map<Object, Object> entries = new LinkedHashMap<>();
		if (source instanceof SharedDict<?, ?> shared) {
			shared.snapshot()
				.forEach((key, value) -> entries.put(PythonValues.loaded(key), PythonValues.loaded(value)));
			return entries;
		}
		if (source instanceof Map<?, ?> map) {
			entries.putAll(map);
			return entries;
		}
		int index = 0;
		for (Object element : PythonValues.elements(source)) {
			List<Object> pair = (element instanceof List<?> || element instanceof Set<?>)
					? PythonValues.elements(element) : null;
			if (pair == null || pair.size() != 2) {
				throw PythonException.valueError("dictionary update sequence element #" + index + " has length "
						+ ((pair != null) ? pair.size() : 1) + "; 2 is required");
			}
			entries.put(pair.get(0), pair.get(1));
			index++;
		}
		return entries;
	}

	/** A key as the dict stores it; Python refuses mutable keys. */
	static Object key(Object key) {
		checkHashable(key);
		return PythonValues.nonNull(key);
	}

	private static void checkHashable(Object key) {
		if (key instanceof Tuple<?> tuple) {
			tuple.forEach(DictMethods::checkHashable);
		}
		else if (key instanceof List<?> || key instanceof Map<?, ?> || key instanceof io.sharedstate.api.SharedObject) {
			throw PythonException.typeError("unhashable type: '" + PythonValues.typeName(key) + "'");
		}
	}

	@Override
	Object value(MethodCall call) {
		return call.object(SharedDict.class).snapshot();
	}

	@Override
	String repr(MethodCall call) {
		return PythonRepr.of(call.object(SharedDict.class).snapshot());
	}

}
