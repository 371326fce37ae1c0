package io.sharedstate.custom;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which values a custom object's method may return as copies: those whose copy cannot
 * silently lose a change. Anything mutable of an unregistered type would reach the caller
 * as a detached copy whose setters change nothing — Python managers' classic pitfall — so
 * it is refused with the two fixes.
 */
final class ReturnedValues {

	private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
			Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
			java.util.UUID.class, java.util.Optional.class, java.util.OptionalInt.class, java.util.OptionalLong.class,
			java.util.OptionalDouble.class, java.net.URI.class, java.util.Locale.class, java.util.Currency.class,
			java.util.regex.Pattern.class, Class.class);

	private ReturnedValues() {
	}

	/**
	 * Returns whether a copy of a value is safe to hand out.
	 * @param value the value, not {@code null}
	 * @return whether it is immutable, a record or enum, an array (documented as a copy),
	 * or a collection (handed out as a snapshot that refuses changes)
	 */
	static boolean isSafeCopy(Object value) {
		Class<?> type = value.getClass();
		return IMMUTABLE.contains(type) || type.isRecord() || type.isEnum() || value instanceof Enum<?>
				|| type.isArray() || value instanceof Collection<?> || value instanceof Map<?, ?>
				|| type.getPackageName().equals("java.time");
	}

	static String refusal(Method method, Object value) {
		String returned = value.getClass().getName();
		return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "() returned a " + returned
				+ ", which the caller would get as a detached copy: changes made to it would be lost without a word. "
				+ "Register its type (manager.register(typeId, TheInterface.class, factory), with the method declared "
				+ "to return that interface) so that it comes back as a shared object, or return a record or another "
				+ "immutable value instead.";
	}

}
