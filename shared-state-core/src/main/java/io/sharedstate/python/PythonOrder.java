package io.sharedstate.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import io.sharedstate.function.SerializableComparator;

/**
 * Python's {@code <} for the values a list holds: numbers (with {@code bool}) by value
 * across {@code int} and {@code float}, strings, bytes, and lists or tuples element by
 * element. Values Python cannot compare raise its {@code TypeError}.
 */
final class PythonOrder implements SerializableComparator<Object> {

	private static final long serialVersionUID = 1L;

	private final boolean descending;

	PythonOrder(boolean descending) {
		this.descending = descending;
	}

	@Override
	public int compare(Object left, Object right) {
		int order = order(left, right);
		return this.descending ? -order : order;
	}

	private static int order(Object left, Object right) {
		if (left instanceof Long a && right instanceof Long b) {
			return Long.compare(a, b);
		}
		if (isNumber(left) && isNumber(right)) {
			return decimal(left).compareTo(decimal(right));
		}
		if (left instanceof String a && right instanceof String b) {
			return a.compareTo(b);
		}
		if (left instanceof byte[] a && right instanceof byte[] b) {
			return Arrays.compareUnsigned(a, b);
		}
		if (left instanceof List<?> a && right instanceof List<?> b
				&& PythonValues.typeName(a).equals(PythonValues.typeName(b))) {
			for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
				if (!java.util.Objects.equals(a.get(i), b.get(i))) {
					return order(a.get(i), b.get(i));
				}
			}
			return Integer.compare(a.size(), b.size());
		}
		throw PythonException.typeError("'<' not supported between instances of '" + PythonValues.typeName(right)
				+ "' and '" + PythonValues.typeName(left) + "'");
	}

	private static boolean isNumber(Object value) {
		return value instanceof Number || value instanceof Boolean;
	}

	private static BigDecimal decimal(Object value) {
		if (value instanceof Boolean bool) {
			return bool ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		if (value instanceof BigInteger big) {
			return new BigDecimal(big);
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number)) {
				return BigDecimal.ZERO;
			}
			if (Double.isInfinite(number)) {
				return (number > 0) ? BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN)
						: BigDecimal.valueOf(-Double.MAX_VALUE).multiply(BigDecimal.TEN);
			}
			return new BigDecimal(number);
		}
		return BigDecimal.valueOf(((Number) value).longValue());
	}

}
