package io.sharedstate.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.sharedstate.list.SharedList;
import io.sharedstate.python.pickle.PickleCall;
import io.sharedstate.snapshot.Tuple;

/**
 * {@code ListProxy} on a {@link SharedList}, with the methods of every Python from 3.8 to
 * 3.14. Each Java call is atomic; methods that need the length first (negative indices,
 * slices, {@code pop()}, {@code insert}) and {@code reverse}, slice assignment and
 * {@code *=} take more than one call, so another client may change the list in between.
 * Elements compare with Java's {@code equals} ({@code 1} and {@code 1.0} differ).
 */
final class ListMethods extends PythonMethods {

	static final ListMethods INSTANCE = new ListMethods();

	private ListMethods() {
		super("ListProxy", "__add__", "__contains__", "__delitem__", "__getitem__", "__imul__", "__len__", "__mul__",
				"__reversed__", "__rmul__", "__setitem__", "append", "clear", "copy", "count", "extend", "index",
				"insert", "pop", "remove", "reverse", "sort");
	}

	@Override
	@SuppressWarnings("unchecked")
	Object call(MethodCall call) {
		SharedList<Object> list = call.object(SharedList.class);
		Args args = call.args();
		switch (call.method()) {
			case "__getitem__" -> {
				Object index = args.accept("index").get(0, "index");
				if (index instanceof PythonSlice slice) {
					return Sequences.slice(list.snapshot(), slice);
				}
				return Sequences.get(list, index, "list");
			}
			case "__setitem__" -> {
				args.accept("index", "value");
				Object index = args.get(0, "index");
				Object value = args.get(1, "value");
				if (index instanceof PythonSlice slice) {
					Sequences.assignSlice(list, slice, PythonValues.elements(value));
				}
				else {
					Sequences.set(list, index, value, "list");
				}
				return null;
			}
			case "__delitem__" -> {
				Object index = args.accept("index").get(0, "index");
				if (index instanceof PythonSlice slice) {
					Sequences.deleteSlice(list, slice);
				}
				else {
					Sequences.delete(list, index);
				}
				return null;
			}
			case "__len__" -> {
				args.accept();
				return list.size();
			}
			case "__contains__" -> {
				return list.contains(args.accept("value").get(0, "value"));
			}
			case "__add__" -> {
				Object other = args.accept("other").get(0, "other");
				if (!(other instanceof List<?> otherList) || other instanceof Tuple<?>) {
					throw PythonException
						.typeError("can only concatenate list (not \"" + PythonValues.typeName(other) + "\") to list");
				}
				List<Object> result = new ArrayList<>(list.snapshot());
				result.addAll(otherList);
				return result;
			}
			case "__mul__", "__rmul__" -> {
				int times = PythonValues.intValue(args.accept("value").get(0, "value"));
				return repeat(list.snapshot(), times);
			}
			case "__imul__" -> {
				int times = PythonValues.intValue(args.accept("value").get(0, "value"));
				if (times <= 0) {
					list.clear();
				}
				else if (times > 1) {
					List<Object> current = list.snapshot();
					for (int i = 1; i < times; i++) {
						list.addAll(current);
					}
				}
				return null;
			}
			case "__reversed__" -> {
				args.accept();
				List<Object> elements = new ArrayList<>(list.snapshot());
				Collections.reverse(elements);
				return PickleCall.of("builtins", "iter", elements);
			}
			case "append" -> {
				list.add(args.accept("object").get(0, "object"));
				return null;
			}
			case "extend" -> {
				list.addAll(PythonValues.elements(args.accept("iterable").get(0, "iterable")));
				return null;
			}
			case "insert" -> {
				args.accept("index", "object");
				Sequences.insert(list, args.get(0, "index"), args.get(1, "object"));
				return null;
			}
			case "pop" -> {
				return Sequences.pop(list, args.accept("index").get(0, "index", -1L));
			}
			case "remove" -> {
				if (!list.remove(args.accept("value").get(0, "value"))) {
					throw PythonException.valueError("list.remove(x): x not in list");
				}
				return null;
			}
			case "clear" -> {
				args.accept();
				list.clear();
				return null;
			}
			case "copy" -> {
				args.accept();
				return list.snapshot();
			}
			case "count" -> {
				Object value = args.accept("value").get(0, "value");
				return list.snapshot().stream().filter((element) -> java.util.Objects.equals(element, value)).count();
			}
			case "index" -> {
				args.accept("value", "start", "stop");
				return Sequences.index(list.snapshot(), args.get(0, "value"), args.get(1, "start", null),
						args.get(2, "stop", null));
			}
			case "reverse" -> {
				args.accept();
				List<Object> elements = new ArrayList<>(list.snapshot());
				Collections.reverse(elements);
				for (int i = 0; i < elements.size(); i++) {
					list.set(i, elements.get(i));
				}
				return null;
			}
			case "sort" -> {
				args.accept("key", "reverse");
				if (args.get(0, "key", null) != null) {
					throw PythonException.typeError("sort(key=...) cannot run on a Java manager: sort without a key");
				}
				list.sort(new PythonOrder(args.flag(1, "reverse", false)));
				return null;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	private static List<Object> repeat(List<Object> elements, int times) {
		List<Object> result = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			result.addAll(elements);
		}
		return result;
	}

	@Override
	Object value(MethodCall call) {
		return call.object(SharedList.class).snapshot();
	}

	@Override
	String repr(MethodCall call) {
		return PythonRepr.of(call.object(SharedList.class).snapshot());
	}

}
