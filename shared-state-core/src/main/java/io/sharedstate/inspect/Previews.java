package io.sharedstate.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
		String text = String.valueOf(value);
		return (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) + "..." : text;
	}

}
