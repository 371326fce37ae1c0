package io.sharedstate.snapshot;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An unmodifiable copy of a map read from shared state, in the source's iteration order.
 * Every mutator throws {@link LostUpdateException}, and so do the mutators of its views,
 * their iterators and entries.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SnapshotMap<K, V> extends AbstractMap<K, V> implements Serializable {

	private static final long serialVersionUID = 1L;

	private final Map<K, V> entries;

	SnapshotMap(LinkedHashMap<K, V> entries) {
		this.entries = entries;
	}

	@Override
	public Set<Entry<K, V>> entrySet() {
		return new SnapshotSet<>(new AbstractSet<>() {

			@Override
			public Iterator<Entry<K, V>> iterator() {
				Iterator<Entry<K, V>> iterator = SnapshotMap.this.entries.entrySet().iterator();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						return iterator.hasNext();
					}

					@Override
					public Entry<K, V> next() {
						return new SnapshotEntry<>(iterator.next());
					}

				};
			}

			@Override
			public int size() {
				return SnapshotMap.this.entries.size();
			}

			@Override
			public boolean contains(Object o) {
				return SnapshotMap.this.entries.entrySet().contains(o);
			}

		});
	}

	@Override
	public Set<K> keySet() {
		return new SnapshotSet<>(this.entries.keySet());
	}

	@Override
	public Collection<V> values() {
		return new SnapshotList<>(this.entries.values().toArray());
	}

	@Override
	public int size() {
		return this.entries.size();
	}

	@Override
	public boolean containsKey(Object key) {
		return this.entries.containsKey(key);
	}

	@Override
	public V get(Object key) {
		return this.entries.get(key);
	}

	@Override
	public V put(K key, V value) {
		throw lost();
	}

	@Override
	public V remove(Object key) {
		throw lost();
	}

	@Override
	public void putAll(Map<? extends K, ? extends V> m) {
		throw lost();
	}

	@Override
	public void clear() {
		throw lost();
	}

	@Override
	public V putIfAbsent(K key, V value) {
		throw lost();
	}

	@Override
	public boolean remove(Object key, Object value) {
		throw lost();
	}

	@Override
	public boolean replace(K key, V oldValue, V newValue) {
		throw lost();
	}

	@Override
	public V replace(K key, V value) {
		throw lost();
	}

	@Override
	public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
		throw lost();
	}

	@Override
	public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
		throw lost();
	}

	@Override
	public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
		throw lost();
	}

	@Override
	public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
		throw lost();
	}

	@Override
	public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
		throw lost();
	}

	private static LostUpdateException lost() {
		return LostUpdateException.forKind("Map");
	}

	/** An entry whose {@code setValue} throws {@link LostUpdateException}. */
	private static final class SnapshotEntry<K, V> extends AbstractMap.SimpleImmutableEntry<K, V> {

		private static final long serialVersionUID = 1L;

		SnapshotEntry(Entry<K, V> entry) {
			super(entry);
		}

		@Override
		public V setValue(V value) {
			throw lost();
		}

	}

}
