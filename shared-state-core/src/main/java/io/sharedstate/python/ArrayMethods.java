package io.sharedstate.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.sharedstate.list.SharedList;
import io.sharedstate.python.pickle.PickleCall;

/**
 * {@code ArrayProxy} on a {@link SharedList} whose elements the array's typecode checks,
 * as {@code array.array} does; its value comes back to Python as an {@code array.array}.
 * Typecodes {@code b B h H i I l L q Q f d}.
 */
final class ArrayMethods extends PythonMethods {

	static final ArrayMethods INSTANCE = new ArrayMethods();

	private ArrayMethods() {
		super("ArrayProxy", "__len__", "__getitem__", "__setitem__");
	}

	private static final String TYPECODES = "bBhHiIlLqQfd";

	/**
	 * Checks a typecode.
	 * @param typecode the argument
	 * @return the typecode
	 */
	static String typecode(Object typecode) {
		if (!(typecode instanceof String code) || code.length() != 1 || TYPECODES.indexOf(code.charAt(0)) < 0) {
			throw PythonException.valueError("bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f or d)");
		}
		return code;
	}

	/**
	 * Converts the elements of a new array as its typecode requires.
	 * @param typecode the typecode
	 * @param values the elements
	 * @return the elements to store
	 */
	static List<Object> elements(String typecode, List<Object> values) {
		List<Object> elements = new ArrayList<>(values.size());
		for (Object value : values) {
			elements.add(element(typecode, value));
		}
		return elements;
	}

	@Override
	@SuppressWarnings("unchecked")
	Object call(MethodCall call) {
		SharedList<Object> list = call.object(SharedList.class);
		String typecode = call.referent().detail();
		Args args = call.args();
		switch (call.method()) {
			case "__len__" -> {
				args.accept();
				return list.size();
			}
			case "__getitem__" -> {
				Object index = args.accept("index").get(0, "index");
				if (index instanceof PythonSlice slice) {
					return PickleCall.of("array", "array", typecode, Sequences.slice(list.snapshot(), slice));
				}
				return Sequences.get(list, index, "array");
			}
			case "__setitem__" -> {
				args.accept("index", "value");
				Object index = args.get(0, "index");
				Object value = args.get(1, "value");
				if (index instanceof PythonSlice) {
					throw PythonException.typeError("can only assign array (not \"" + PythonValues.typeName(value)
							+ "\") to array slice; a shared Array takes items one at a time");
				}
				Sequences.set(list, index, element(typecode, value), "array");
				return null;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	private static Object element(String typecode, Object value) {
		char code = typecode.charAt(0);
		if (code == 'f' || code == 'd') {
			if (!(value instanceof Number) && !(value instanceof Boolean)) {
				throw PythonException.typeError("must be real number, not " + PythonValues.typeName(value));
			}
			double number = PythonValues.number(value, "an array item");
			return (code == 'f') ? (double) (float) number : number;
		}
		if (!(value instanceof Long) && !(value instanceof BigInteger) && !(value instanceof Boolean)
				&& !(value instanceof Integer)) {
			throw PythonException
				.typeError("'" + PythonValues.typeName(value) + "' object cannot be interpreted as an integer");
		}
		BigInteger number = (value instanceof BigInteger big) ? big
				: BigInteger.valueOf((value instanceof Boolean bool) ? (bool ? 1 : 0) : ((Number) value).longValue());
		int bits = switch (code) {
			case 'b', 'B' -> 8;
			case 'h', 'H' -> 16;
			case 'i', 'I' -> 32;
			default -> 64;
		};
		boolean unsigned = Character.isUpperCase(code);
		BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
		BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
				: BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
		if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
			throw PythonException.builtin("OverflowError",
					"array item " + number + " does not fit typecode '" + typecode + "'");
		}
		return (number.bitLength() < 64) ? (Object) number.longValue() : number;
	}

	@Override
	Object value(MethodCall call) {
		return PickleCall.of("array", "array", call.referent().detail(), call.object(SharedList.class).snapshot());
	}

	@Override
	String repr(MethodCall call) {
		List<?> elements = call.object(SharedList.class).snapshot();
		String typecode = call.referent().detail();
		return elements.isEmpty() ? "array('" + typecode + "')"
				: "array('" + typecode + "', " + PythonRepr.of(elements) + ")";
	}

}
