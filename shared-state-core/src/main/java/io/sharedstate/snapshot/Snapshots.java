package io.sharedstate.snapshot;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sharedstate.api.SharedObject;

/**
 * Turns a value into what shared state stores and hands out: plain JDK collections become
 * deep read-only snapshots, arrays are copied (nested arrays too), shared objects stay
 * live references, everything else is kept as it is.
 */
public final class Snapshots {

	private Snapshots() {
	}

	/**
	 * Returns the form of a value that shared state stores.
	 * @param value the value given by a caller or decoded from the wire
	 * @return the value itself when it cannot be mutated through the returned reference
	 * in a way that would be lost, otherwise a snapshot or copy
	 */
	public static Object of(Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof SharedObject || isSnapshot(value)) {
			return value;
		}
		if (value instanceof List<?> list) {
			return list(list);
		}
		if (value instanceof Set<?> set) {
			LinkedHashSet<Object> copy = new LinkedHashSet<>(Math.max(16, set.size() * 2));
			for (Object element : set) {
				copy.add(of(element));
			}
			return new SnapshotSet<>(copy);
		}
		if (value instanceof Map<?, ?> map) {
			LinkedHashMap<Object, Object> copy = new LinkedHashMap<>(Math.max(16, map.size() * 2));
			map.forEach((k, v) -> copy.put(of(k), of(v)));
			return new SnapshotMap<>(copy);
		}
		if (value instanceof Collection<?> collection) {
			return list(collection);
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			Object copy = Array.newInstance(value.getClass().getComponentType(), length);
			System.arraycopy(value, 0, copy, 0, length);
			if (copy instanceof Object[] elements) {
				// Rows of a matrix are arrays too: copy them, or the copy would share
				// them.
				for (int i = 0; i < length; i++) {
					if (elements[i] != null && elements[i].getClass().isArray()) {
						elements[i] = of(elements[i]);
					}
				}
			}
			return copy;
		}
		return value;
	}

	/**
	 * Returns a snapshot list holding the given elements (each stored as by {@link #of}).
	 * @param <E> the element type
	 * @param elements the elements
	 * @return the snapshot
	 */
	@SuppressWarnings("unchecked")
	public static <E> List<E> list(Collection<?> elements) {
		Object[] array = elements.toArray();
		for (int i = 0; i < array.length; i++) {
			array[i] = of(array[i]);
		}
		return (List<E>) new SnapshotList<>(array);
	}

	/**
	 * Returns a snapshot map holding the given entries, keys and values stored as by
	 * {@link #of}.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param entries the entries
	 * @return the snapshot
	 */
	@SuppressWarnings("unchecked")
	public static <K, V> Map<K, V> map(Map<?, ?> entries) {
		return (Map<K, V>) of(entries);
	}

	private static boolean isSnapshot(Object value) {
		return value instanceof SnapshotList || value instanceof SnapshotSet || value instanceof SnapshotMap
				|| value instanceof Tuple;
	}

}
