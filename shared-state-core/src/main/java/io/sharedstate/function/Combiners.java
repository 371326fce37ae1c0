package io.sharedstate.function;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The combining functions of {@link SharedFunctions}. Constants of an enum travel as a
 * class name and an ordinal, and decode to the same constant.
 */
enum Combiners implements SerializableBinaryOperator<Object> {

	SUM, MIN, MAX, CONCAT, ADD_ALL;

	@Override
	public Object apply(Object current, Object given) {
		if (current == null) {
			return (this == ADD_ALL) ? new ArrayList<>((Collection<?>) given) : given;
		}
		return switch (this) {
			case SUM -> Numbers.sum((Number) current, (Number) given);
			case MIN -> (compare(current, given) <= 0) ? current : given;
			case MAX -> (compare(current, given) >= 0) ? current : given;
			case CONCAT -> ((String) current).concat((String) given);
			case ADD_ALL -> {
				List<Object> all = new ArrayList<>((Collection<?>) current);
				all.addAll((Collection<?>) given);
				yield all;
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static int compare(Object current, Object given) {
		return ((Comparable<Object>) current).compareTo(given);
	}

}
