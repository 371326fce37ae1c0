package io.sharedstate.dict;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.function.SerializableFunction;
import io.sharedstate.snapshot.Snapshots;

/**
 * The authoritative dict: a {@link ConcurrentHashMap} whose stored keys and values are
 * snapshots (see {@link Snapshots}). Used in-process and by the manager server.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LocalDict<K, V> implements SharedDict<K, V>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

	LocalDict(LocalEngine engine, String name) {
		this.engine = engine;
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.DICT;
	}

	@SuppressWarnings("unchecked")
	private static <T> T stored(T value) {
		return (T) Snapshots.of(value);
	}

	@Override
	public int size() {
		return this.map.size();
	}

	@Override
	public boolean isEmpty() {
		return this.map.isEmpty();
	}

	@Override
	public boolean containsKey(Object key) {
		return this.map.containsKey(key);
	}

	@Override
	public boolean containsValue(Object value) {
		return this.map.containsValue(value);
	}

	@Override
	public V get(Object key) {
		return this.map.get(key);
	}

	@Override
	public V getOrDefault(Object key, V defaultValue) {
		return this.map.getOrDefault(key, defaultValue);
	}

	@Override
	public V put(K key, V value) {
		return this.map.put(stored(key), stored(value));
	}

	@Override
	public V remove(Object key) {
		return this.map.remove(key);
	}

	@Override
	public void putAll(Map<? extends K, ? extends V> entries) {
		entries.forEach(this::put);
	}

	@Override
	public void clear() {
		this.map.clear();
	}

	@Override
	public Set<K> keySet() {
		return this.map.keySet();
	}

	@Override
	public Collection<V> values() {
		return this.map.values();
	}

	@Override
	public Set<Entry<K, V>> entrySet() {
		return new EntrySetView();
	}

	@Override
	public V putIfAbsent(K key, V value) {
		return this.map.putIfAbsent(stored(key), stored(value));
	}

	@Override
	public boolean remove(Object key, Object value) {
		return this.map.remove(key, value);
	}

	@Override
	public boolean replace(K key, V oldValue, V newValue) {
		return this.map.replace(key, oldValue, stored(newValue));
	}

	@Override
	public V replace(K key, V value) {
		return this.map.replace(key, stored(value));
	}

	@Override
	public V compute(K key, BiFunction<? super K, ? super V, ? extends V> function) {
		Objects.requireNonNull(function, "function");
		return this.map.compute(stored(key), (k, old) -> stored(function.apply(k, old)));
	}

	@Override
	public V computeIfAbsent(K key, Function<? super K, ? extends V> function) {
		Objects.requireNonNull(function, "function");
		return this.map.computeIfAbsent(stored(key), (k) -> stored(function.apply(k)));
	}

	@Override
	public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> function) {
		Objects.requireNonNull(function, "function");
		return this.map.computeIfPresent(key, (k, old) -> stored(function.apply(k, old)));
	}

	@Override
	public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
		Objects.requireNonNull(function, "function");
		return this.map.merge(stored(key), stored(value), (old, given) -> stored(function.apply(old, given)));
	}

	@Override
	public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
		Objects.requireNonNull(function, "function");
		this.map.replaceAll((k, v) -> stored(function.apply(k, v)));
	}

	@Override
	public V compute(K key, SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return compute(key, (BiFunction<? super K, ? super V, ? extends V>) function);
	}

	@Override
	public V computeIfAbsent(K key, SerializableFunction<? super K, ? extends V> function) {
		return computeIfAbsent(key, (Function<? super K, ? extends V>) function);
	}

	@Override
	public V computeIfPresent(K key, SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return computeIfPresent(key, (BiFunction<? super K, ? super V, ? extends V>) function);
	}

	@Override
	public V merge(K key, V value, SerializableBiFunction<? super V, ? super V, ? extends V> function) {
		return merge(key, value, (BiFunction<? super V, ? super V, ? extends V>) function);
	}

	@Override
	public void replaceAll(SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		replaceAll((BiFunction<? super K, ? super V, ? extends V>) function);
	}

	@Override
	public Map<K, V> snapshot() {
		return Snapshots.map(this.map);
	}

	@Override
	public CompletableFuture<V> getAsync(K key) {
		return CompletableFuture.completedFuture(get(key));
	}

	@Override
	public CompletableFuture<V> putAsync(K key, V value) {
		return CompletableFuture.completedFuture(put(key, value));
	}

	@Override
	public CompletableFuture<V> putIfAbsentAsync(K key, V value) {
		return CompletableFuture.completedFuture(putIfAbsent(key, value));
	}

	@Override
	public CompletableFuture<V> removeAsync(K key) {
		return CompletableFuture.completedFuture(remove(key));
	}

	@Override
	public CompletableFuture<Boolean> containsKeyAsync(K key) {
		return CompletableFuture.completedFuture(containsKey(key));
	}

	@Override
	public CompletableFuture<V> mergeAsync(K key, V value,
			SerializableBiFunction<? super V, ? super V, ? extends V> function) {
		return CompletableFuture.supplyAsync(() -> merge(key, value, function), Runnable::run);
	}

	@Override
	public CompletableFuture<V> computeAsync(K key,
			SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return CompletableFuture.supplyAsync(() -> compute(key, function), Runnable::run);
	}

	@Override
	public CompletableFuture<Integer> sizeAsync() {
		return CompletableFuture.completedFuture(size());
	}

	@Override
	public boolean equals(Object other) {
		return this.map.equals(other);
	}

	@Override
	public int hashCode() {
		return this.map.hashCode();
	}

	@Override
	public String toString() {
		return this.map.toString();
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.DICT, this.name);
	}

	/** The entry set, whose entries store {@code setValue} values as snapshots. */
	private final class EntrySetView extends AbstractSet<Entry<K, V>> {

		@Override
		public Iterator<Entry<K, V>> iterator() {
			Iterator<Entry<K, V>> entries = LocalDict.this.map.entrySet().iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					return entries.hasNext();
				}

				@Override
				public Entry<K, V> next() {
					Entry<K, V> entry = entries.next();
					return new WriteThroughEntry<>(LocalDict.this, entry.getKey(), entry.getValue());
				}

				@Override
				public void remove() {
					entries.remove();
				}

			};
		}

		@Override
		public int size() {
			return LocalDict.this.map.size();
		}

		@Override
		public boolean contains(Object o) {
			return LocalDict.this.map.entrySet().contains(o);
		}

		@Override
		public boolean remove(Object o) {
			return LocalDict.this.map.entrySet().remove(o);
		}

		@Override
		public void clear() {
			LocalDict.this.map.clear();
		}

	}

}
