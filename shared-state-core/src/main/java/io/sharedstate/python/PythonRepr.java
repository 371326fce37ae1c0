package io.sharedstate.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sharedstate.api.SharedObject;
import io.sharedstate.snapshot.Tuple;

/**
 * Python's {@code repr} of the values a shared object holds, for {@code str(proxy)} and
 * {@code debug_info}: strings quoted and escaped as Python does, floats in Python's
 * shortest form, containers with Python's brackets.
 */
final class PythonRepr {

	private PythonRepr() {
	}

	static String of(Object value) {
		StringBuilder text = new StringBuilder();
		append(text, value, false, 0);
		return text.toString();
	}

	private static void append(StringBuilder text, Object value, boolean hashable, int depth) {
		if (depth > 100) {
			text.append("...");
		}
		else if (value == null || (value instanceof Optional<?> optional && optional.isEmpty())) {
			text.append("None");
		}
		else if (value instanceof Boolean bool) {
			text.append(bool ? "True" : "False");
		}
		else if (value instanceof Double || value instanceof Float) {
			text.append(floatRepr(((Number) value).doubleValue()));
		}
		else if (value instanceof Number || value instanceof BigInteger) {
			text.append(value);
		}
		else if (value instanceof String || value instanceof Character) {
			string(text, value.toString());
		}
		else if (value instanceof byte[] bytes) {
			bytes(text, bytes);
		}
		else if (value instanceof Tuple<?> || value instanceof Object[] || (hashable && value instanceof List<?>)) {
			List<?> elements = (value instanceof Object[] array) ? List.of(array) : (List<?>) value;
			text.append('(');
			elements(text, elements, hashable, depth);
			text.append((elements.size() == 1) ? ",)" : ")");
		}
		else if (value instanceof SharedObject shared) {
			text.append("<")
				.append(PythonTypeIds.proxyClassOf(shared.type()))
				.append(" object, typeid '")
				.append(PythonTypeIds.defaultTypeid(shared.type()))
				.append("' named '")
				.append(shared.name())
				.append("'>");
		}
		else if (value instanceof List<?> list) {
			text.append('[');
			elements(text, list, false, depth);
			text.append(']');
		}
		else if (value instanceof Set<?> set) {
			if (set.isEmpty()) {
				text.append(hashable ? "frozenset()" : "set()");
			}
			else {
				text.append(hashable ? "frozenset({" : "{");
				elements(text, set, true, depth);
				text.append(hashable ? "})" : "}");
			}
		}
		else if (value instanceof Map<?, ?> map) {
			text.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				append(text, entry.getKey(), true, depth + 1);
				text.append(": ");
				append(text, entry.getValue(), false, depth + 1);
				if (entries.hasNext()) {
					text.append(", ");
				}
			}
			text.append('}');
		}
		else {
			text.append('<').append(value.getClass().getName()).append(" object>");
		}
	}

	private static void elements(StringBuilder text, Collection<?> elements, boolean hashable, int depth) {
		Iterator<?> iterator = elements.iterator();
		while (iterator.hasNext()) {
			append(text, iterator.next(), hashable, depth + 1);
			if (iterator.hasNext()) {
				text.append(", ");
			}
		}
	}

	/** Python's repr of a float: the shortest digits that read back the same. */
	static String floatRepr(double value) {
		if (Double.isNaN(value)) {
			return "nan";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "inf" : "-inf";
		}
		if (value == 0) {
			return (1 / value < 0) ? "-0.0" : "0.0";
		}
		BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
		String digits = decimal.unscaledValue().toString();
		int exponent = digits.length() - 1 - decimal.scale();
		StringBuilder text = new StringBuilder((value < 0) ? "-" : "");
		if (exponent >= -4 && exponent < 16) {
			String plain = decimal.toPlainString();
			text.append(plain);
			if (plain.indexOf('.') < 0) {
				text.append(".0");
			}
		}
		else {
			text.append(digits.charAt(0));
			if (digits.length() > 1) {
				text.append('.').append(digits, 1, digits.length());
			}
			text.append('e').append((exponent < 0) ? '-' : '+');
			int magnitude = Math.abs(exponent);
			text.append((magnitude < 10) ? "0" : "").append(magnitude);
		}
		return text.toString();
	}

	private static void string(StringBuilder text, String value) {
		char quote = (value.indexOf('\'') >= 0 && value.indexOf('"') < 0) ? '"' : '\'';
		text.append(quote);
		value.codePoints().forEach((code) -> {
			if (escapedCommonly(text, code, quote)) {
				return;
			}
			if (Character.isISOControl(code) || Character.getType(code) == Character.UNASSIGNED
					|| Character.getType(code) == Character.SURROGATE) {
				text.append((code <= 0xff) ? String.format("\\x%02x", code)
						: (code <= 0xffff) ? String.format("\\u%04x", code) : String.format("\\U%08x", code));
			}
			else {
				text.appendCodePoint(code);
			}
		});
		text.append(quote);
	}

	/**
	 * Escapes what {@code str} and {@code bytes} escape alike: the quote, the backslash,
	 * tab, newline, carriage return and the other ASCII control characters.
	 * @return whether the character was written
	 */
	private static boolean escapedCommonly(StringBuilder text, int code, char quote) {
		switch (code) {
			case '\n' -> text.append("\\n");
			case '\r' -> text.append("\\r");
			case '\t' -> text.append("\\t");
			default -> {
				if (code == quote || code == '\\') {
					text.append('\\').append((char) code);
				}
				else if (code < 0x20 || code == 0x7f) {
					text.append(String.format("\\x%02x", code));
				}
				else {
					return false;
				}
			}
		}
		return true;
	}

	private static void bytes(StringBuilder text, byte[] value) {
		boolean hasSingle = false;
		boolean hasDouble = false;
		for (byte b : value) {
			hasSingle |= b == '\'';
			hasDouble |= b == '"';
		}
		char quote = (hasSingle && !hasDouble) ? '"' : '\'';
		text.append('b').append(quote);
		for (byte b : value) {
			int code = b & 0xff;
			if (!escapedCommonly(text, code, quote)) {
				text.append((code >= 0x7f) ? String.format("\\x%02x", code) : String.valueOf((char) code));
			}
		}
		text.append(quote);
	}

}
