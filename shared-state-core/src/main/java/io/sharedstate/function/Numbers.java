package io.sharedstate.function;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Arithmetic on boxed numbers that keeps their type. */
final class Numbers {

	private static final String TYPES = "Integer, Long, Short, Byte, Double, Float, BigInteger or BigDecimal";

	private Numbers() {
	}

	static Number sum(Number a, Number b) {
		if (a.getClass() != b.getClass()) {
			throw new IllegalArgumentException("SharedFunctions adds numbers of one type, got " + a.getClass().getName()
					+ " and " + b.getClass().getName() + " (pass 1L, not 1, to a value of Long)");
		}
		if (a instanceof Integer x) {
			return x + (Integer) b;
		}
		if (a instanceof Long x) {
			return x + (Long) b;
		}
		if (a instanceof Double x) {
			return x + (Double) b;
		}
		if (a instanceof Float x) {
			return x + (Float) b;
		}
		if (a instanceof Short x) {
			return (short) (x + (Short) b);
		}
		if (a instanceof Byte x) {
			return (byte) (x + (Byte) b);
		}
		if (a instanceof BigInteger x) {
			return x.add((BigInteger) b);
		}
		if (a instanceof BigDecimal x) {
			return x.add((BigDecimal) b);
		}
		throw unsupported(a);
	}

	static Number one(Number like) {
		if (like instanceof Integer) {
			return 1;
		}
		if (like instanceof Long) {
			return 1L;
		}
		if (like instanceof Double) {
			return 1.0;
		}
		if (like instanceof Float) {
			return 1.0f;
		}
		if (like instanceof Short) {
			return (short) 1;
		}
		if (like instanceof Byte) {
			return (byte) 1;
		}
		if (like instanceof BigInteger) {
			return BigInteger.ONE;
		}
		if (like instanceof BigDecimal) {
			return BigDecimal.ONE;
		}
		throw unsupported(like);
	}

	private static IllegalArgumentException unsupported(Number number) {
		return new IllegalArgumentException(
				"SharedFunctions adds " + TYPES + " values, got " + number.getClass().getName());
	}

}
