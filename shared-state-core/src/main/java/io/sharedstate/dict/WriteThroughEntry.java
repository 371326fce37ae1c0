package io.sharedstate.dict;

import java.util.AbstractMap;
import java.util.Map;

/**
 * A map entry whose {@code setValue} puts the new value into its dict, like the entries
 * of {@link java.util.concurrent.ConcurrentHashMap}'s entry set.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class WriteThroughEntry<K, V> extends AbstractMap.SimpleEntry<K, V> {

	private final transient Map<K, V> dict;

	WriteThroughEntry(Map<K, V> dict, K key, V value) {
		super(key, value);
		this.dict = dict;
	}

	@Override
	public V setValue(V value) {
		if (value == null) {
			throw new NullPointerException("A shared dict does not hold null values");
		}
		V previous = super.setValue(value);
		this.dict.put(getKey(), value);
		return previous;
	}

}
