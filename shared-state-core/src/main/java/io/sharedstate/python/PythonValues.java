package io.sharedstate.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sharedstate.api.SharedObject;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;
import io.sharedstate.snapshot.Tuple;

/**
 * How Python values stand in Java, beyond what the pickle reader and writer do: Python's
 * {@code None} where Java refuses {@code null}, Python's truth and type names, and the
 * conversions of arguments.
 */
final class PythonValues {

	/**
	 * What {@code None} is stored as where Java refuses {@code null}: a dict's keys and
	 * values, a queue's items, a namespace's attributes. Read back, it is {@code None}
	 * again; a Java process sees {@link Optional#empty()}.
	 */
	static final Object NONE = Optional.empty();

	private PythonValues() {
	}

	/**
	 * Returns the form of a value where Java refuses {@code null}.
	 * @param value a value from Python
	 * @return the value, or {@link #NONE} for {@code None}
	 */
	static Object nonNull(Object value) {
		return (value != null) ? value : NONE;
	}

	/**
	 * Returns the value Python sees for a stored one.
	 * @param value the stored value
	 * @return {@code null} for {@link #NONE}, else the value
	 */
	static Object loaded(Object value) {
		return (value instanceof Optional<?> optional && optional.isEmpty()) ? null : value;
	}

	/**
	 * Returns Python's name for the type of a value, for messages.
	 * @param value the value
	 * @return e.g. {@code str}
	 */
	static String typeName(Object value) {
		if (value == null || value instanceof Optional<?>) {
			return "NoneType";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Long || value instanceof Integer || value instanceof BigInteger || value instanceof Short
				|| value instanceof Byte) {
			return "int";
		}
		if (value instanceof Double || value instanceof Float) {
			return "float";
		}
		if (value instanceof String || value instanceof Character) {
			return "str";
		}
		if (value instanceof byte[]) {
			return "bytes";
		}
		if (value instanceof Tuple<?> || value instanceof Object[]) {
			return "tuple";
		}
		if (value instanceof SharedList<?>) {
			return "ListProxy";
		}
		if (value instanceof SharedDict<?, ?>) {
			return "DictProxy";
		}
		if (value instanceof List<?>) {
			return "list";
		}
		if (value instanceof Map<?, ?>) {
			return "dict";
		}
		if (value instanceof java.util.Set<?>) {
			return "set";
		}
		if (value instanceof PythonSlice) {
			return "slice";
		}
		if (value instanceof SharedObject shared) {
			return shared.type() + " proxy";
		}
		return value.getClass().getSimpleName();
	}

	/**
	 * Converts an integer argument.
	 * @param value the argument
	 * @param notInteger the TypeError's message when it is no integer
	 * @return the value
	 */
	static long index(Object value, String notInteger) {
		if (value instanceof Long number) {
			return number;
		}
		if (value instanceof Integer number) {
			return number;
		}
		if (value instanceof Boolean bool) {
			return bool ? 1 : 0;
		}
		if (value instanceof BigInteger) {
			throw PythonException.indexError("cannot fit 'int' into an index-sized integer");
		}
		throw PythonException.typeError(notInteger);
	}

	/**
	 * Converts an integer argument that must fit an {@code int}.
	 * @param value the argument
	 * @return the value
	 */
	static int intValue(Object value) {
		long number = index(value, "'" + typeName(value) + "' object cannot be interpreted as an integer");
		if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
			throw PythonException.builtin("OverflowError", "Python int too large for this shared object: " + number);
		}
		return (int) number;
	}

	/**
	 * Converts a timeout in seconds.
	 * @param value the argument: {@code None} or a number
	 * @return the timeout in nanoseconds, or -1 for none
	 */
	static long timeoutNanos(Object value) {
		if (value == null) {
			return -1;
		}
		double seconds = number(value, "timeout");
		if (seconds < 0) {
			throw PythonException.valueError("'timeout' must be a non-negative number");
		}
		return (long) Math.min(Long.MAX_VALUE / 2, seconds * 1e9);
	}

	/**
	 * Converts a number argument.
	 * @param value the argument
	 * @param what what it is, for the message
	 * @return the value
	 */
	static double number(Object value, String what) {
		if (value instanceof Number number && !(value instanceof BigInteger)) {
			return number.doubleValue();
		}
		if (value instanceof BigInteger big) {
			return big.doubleValue();
		}
		if (value instanceof Boolean bool) {
			return bool ? 1 : 0;
		}
		throw PythonException.typeError(what + " must be a number, not " + typeName(value));
	}

	/**
	 * Returns Python's truth of a value.
	 * @param value the value
	 * @return whether it is true
	 */
	static boolean truthy(Object value) {
		if (value == null || value instanceof Optional<?>) {
			return false;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof BigInteger big) {
			return big.signum() != 0;
		}
		if (value instanceof Number number) {
			return number.doubleValue() != 0;
		}
		if (value instanceof String string) {
			return !string.isEmpty();
		}
		if (value instanceof byte[] bytes) {
			return bytes.length > 0;
		}
		if (value instanceof Collection<?> collection) {
			return !collection.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return !map.isEmpty();
		}
		return true;
	}

	/**
	 * Returns the elements of an iterable argument, as Python's {@code list(x)} would.
	 * @param value the argument
	 * @return the elements
	 */
	static List<Object> elements(Object value) {
		if (value instanceof SharedList<?> shared) {
			return new ArrayList<>(shared.snapshot());
		}
		if (value instanceof SharedDict<?, ?> shared) {
			List<Object> keys = new ArrayList<>();
			shared.snapshot().keySet().forEach((key) -> keys.add(loaded(key)));
			return keys;
		}
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection);
		}
		if (value instanceof Map<?, ?> map) {
			return new ArrayList<>(map.keySet());
		}
		if (value instanceof String string) {
			List<Object> characters = new ArrayList<>(string.length());
			string.codePoints().forEach((code) -> characters.add(new String(Character.toChars(code))));
			return characters;
		}
		if (value instanceof byte[] bytes) {
			List<Object> numbers = new ArrayList<>(bytes.length);
			for (byte b : bytes) {
				numbers.add((long) (b & 0xff));
			}
			return numbers;
		}
		throw PythonException.typeError("'" + typeName(value) + "' object is not iterable");
	}

}
