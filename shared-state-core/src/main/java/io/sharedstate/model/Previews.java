package io.sharedstate.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.sharedstate.api.SharedObject;

/**
 * Renders the first elements or entries of a shared object as short text for an
 * inspection preview.
 */
public final class Previews {

	private static final int MAX_CHARS = 200;

	private Previews() {
	}

	/**
	 * Renders the first elements.
	 * @param elements the elements
	 * @param limit how many at most
	 * @return one text per element
	 */
	public static List<String> elements(Iterable<?> elements, int limit) {
		List<String> preview = new ArrayList<>();
		for (Object element : elements) {
			if (preview.size() >= limit) {
				break;
			}
			preview.add(text(element));
		}
		return preview;
	}

	/**
	 * Renders the first entries as {@code key=value}.
	 * @param entries the entries
	 * @param limit how many at most
	 * @return one text per entry
	 */
	public static List<String> entries(Map<?, ?> entries, int limit) {
		List<String> preview = new ArrayList<>();
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			if (preview.size() >= limit) {
				break;
			}
			preview.add(text(entry.getKey()) + "=" + text(entry.getValue()));
		}
		return preview;
	}

	/**
	 * Renders one value, cut to a couple of hundred characters.
	 * @param value the value
	 * @return the text
	 */
	public static String text(Object value) {
		String text = show(value);
		return (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) + "..." : text;
	}

	/**
	 * Shows a value as {@link String#valueOf(Object)} does, but a shared object stored in
	 * it as a reference ({@code SharedList[log]}), not as its contents: a container's
	 * text then says what is shared and what is a plain value, and costs no call per
	 * nested object.
	 * @param value the value
	 * @return the text
	 */
	public static String show(Object value) {
		StringBuilder text = new StringBuilder();
		append(text, value);
		return text.toString();
	}

	private static void append(StringBuilder text, Object value) {
		if (value instanceof SharedObject shared) {
			text.append(shared.type().reference(shared.name()));
		}
		else if (value instanceof Map<?, ?> map) {
			text.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				text.append(separator);
				append(text, entry.getKey());
				text.append('=');
				append(text, entry.getValue());
				separator = ", ";
			}
			text.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			text.append('[');
			String separator = "";
			for (Object element : collection) {
				text.append(separator);
				append(text, element);
				separator = ", ";
			}
			text.append(']');
		}
		else {
			text.append(value);
		}
	}

}
