package io.sharedstate.dict;

import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;
import io.sharedstate.model.Previews;

/**
 * A dict's proxy, on every engine: each call is one operation on the dict's host. Views
 * and iterators walk snapshots and write through. A function given to
 * {@code compute}/{@code merge}/... runs once, atomically, on the host when the host can
 * run it (see {@link ObjectHandle#runsOnHost}); any other function runs here, with
 * {@link java.util.concurrent.ConcurrentMap}'s compare-and-replace loop, which is atomic
 * with respect to the dict but may call the function more than once.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class DictProxy<K, V> extends SharedProxy implements SharedDict<K, V> {

	DictProxy(ObjectHandle handle) {
		super(handle);
	}

	@Override
	public int size() {
		return call(DictOperation.SIZE);
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	@Override
	public boolean containsKey(Object key) {
		return call(DictOperation.CONTAINS_KEY, Objects.requireNonNull(key));
	}

	@Override
	public boolean containsValue(Object value) {
		return call(DictOperation.CONTAINS_VALUE, Objects.requireNonNull(value));
	}

	@Override
	public V get(Object key) {
		return call(DictOperation.GET, Objects.requireNonNull(key));
	}

	@Override
	public V put(K key, V value) {
		return call(DictOperation.PUT, Objects.requireNonNull(key), Objects.requireNonNull(value));
	}

	@Override
	public V remove(Object key) {
		return call(DictOperation.REMOVE, Objects.requireNonNull(key));
	}

	@Override
	public void putAll(Map<? extends K, ? extends V> entries) {
		entries.forEach((k, v) -> {
			Objects.requireNonNull(k);
			Objects.requireNonNull(v);
		});
		call(DictOperation.PUT_ALL, entries);
	}

	@Override
	public void clear() {
		call(DictOperation.CLEAR);
	}

	@Override
	public V putIfAbsent(K key, V value) {
		return call(DictOperation.PUT_IF_ABSENT, Objects.requireNonNull(key), Objects.requireNonNull(value));
	}

	@Override
	public boolean remove(Object key, Object value) {
		Objects.requireNonNull(key);
		if (value == null) {
			return false;
		}
		return call(DictOperation.REMOVE_ENTRY, key, value);
	}

	@Override
	public boolean replace(K key, V oldValue, V newValue) {
		return call(DictOperation.REPLACE_ENTRY, Objects.requireNonNull(key), Objects.requireNonNull(oldValue),
				Objects.requireNonNull(newValue));
	}

	@Override
	public V replace(K key, V value) {
		return call(DictOperation.REPLACE, Objects.requireNonNull(key), Objects.requireNonNull(value));
	}

	@Override
	public V compute(K key, BiFunction<? super K, ? super V, ? extends V> function) {
		Objects.requireNonNull(key);
		if (handle().runsOnHost(Objects.requireNonNull(function, "function"))) {
			return call(DictOperation.COMPUTE, key, function);
		}
		return SharedDict.super.compute(key, function);
	}

	@Override
	public V computeIfAbsent(K key, Function<? super K, ? extends V> function) {
		Objects.requireNonNull(key);
		if (handle().runsOnHost(Objects.requireNonNull(function, "function"))) {
			return call(DictOperation.COMPUTE_IF_ABSENT, key, function);
		}
		return SharedDict.super.computeIfAbsent(key, function);
	}

	@Override
	public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> function) {
		Objects.requireNonNull(key);
		if (handle().runsOnHost(Objects.requireNonNull(function, "function"))) {
			return call(DictOperation.COMPUTE_IF_PRESENT, key, function);
		}
		return SharedDict.super.computeIfPresent(key, function);
	}

	@Override
	public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
		Objects.requireNonNull(key);
		Objects.requireNonNull(value);
		if (handle().runsOnHost(Objects.requireNonNull(function, "function"))) {
			return call(DictOperation.MERGE, key, value, function);
		}
		return SharedDict.super.merge(key, value, function);
	}

	@Override
	public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
		if (handle().runsOnHost(Objects.requireNonNull(function, "function"))) {
			call(DictOperation.REPLACE_ALL, function);
			return;
		}
		SharedDict.super.replaceAll(function);
	}

	@Override
	public Map<K, V> snapshot() {
		return call(DictOperation.SNAPSHOT);
	}

	@Override
	public CompletableFuture<V> getAsync(K key) {
		return handle().callAsync(DictOperation.GET, Objects.requireNonNull(key));
	}

	@Override
	public CompletableFuture<V> putAsync(K key, V value) {
		return handle().callAsync(DictOperation.PUT, Objects.requireNonNull(key), Objects.requireNonNull(value));
	}

	@Override
	public CompletableFuture<V> putIfAbsentAsync(K key, V value) {
		return handle().callAsync(DictOperation.PUT_IF_ABSENT, Objects.requireNonNull(key),
				Objects.requireNonNull(value));
	}

	@Override
	public CompletableFuture<V> removeAsync(K key) {
		return handle().callAsync(DictOperation.REMOVE, Objects.requireNonNull(key));
	}

	@Override
	public CompletableFuture<Boolean> containsKeyAsync(K key) {
		return handle().callAsync(DictOperation.CONTAINS_KEY, Objects.requireNonNull(key));
	}

	@Override
	public CompletableFuture<V> mergeAsync(K key, V value,
			SerializableBiFunction<? super V, ? super V, ? extends V> function) {
		return handle().callAsync(DictOperation.MERGE, Objects.requireNonNull(key), Objects.requireNonNull(value),
				Objects.requireNonNull(function));
	}

	@Override
	public CompletableFuture<V> computeAsync(K key,
			SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return handle().callAsync(DictOperation.COMPUTE, Objects.requireNonNull(key), Objects.requireNonNull(function));
	}

	@Override
	public CompletableFuture<Integer> sizeAsync() {
		return handle().callAsync(DictOperation.SIZE);
	}

	@Override
	public Set<K> keySet() {
		return new KeySetView();
	}

	@Override
	public Collection<V> values() {
		return new ValuesView();
	}

	@Override
	public Set<Entry<K, V>> entrySet() {
		return new EntrySetView();
	}

	@Override
	public boolean equals(Object other) {
		return other == this || snapshot().equals(other);
	}

	@Override
	public int hashCode() {
		return snapshot().hashCode();
	}

	@Override
	public String toString() {
		return Previews.show(snapshot());
	}

	/**
	 * Walks a snapshot; {@code remove} removes the last element returned from the dict.
	 */
	private abstract class SnapshotIterator<T, E> implements Iterator<T> {

		private final Iterator<E> snapshot;

		private E last;

		SnapshotIterator(Iterator<E> snapshot) {
			this.snapshot = snapshot;
		}

		@Override
		public boolean hasNext() {
			return this.snapshot.hasNext();
		}

		@Override
		public T next() {
			this.last = this.snapshot.next();
			return project(this.last);
		}

		abstract T project(E element);

		abstract Object keyOf(E element);

		@Override
		public void remove() {
			if (this.last == null) {
				throw new IllegalStateException("next() has not been called, or remove() was already called");
			}
			DictProxy.this.remove(keyOf(this.last));
			this.last = null;
		}

	}

	/** Walks a snapshot of entries. */
	private abstract class EntryIterator<T> extends SnapshotIterator<T, Entry<K, V>> {

		EntryIterator() {
			super(snapshot().entrySet().iterator());
		}

		@Override
		Object keyOf(Entry<K, V> entry) {
			return entry.getKey();
		}

	}

	private final class KeySetView extends AbstractSet<K> {

		@Override
		public Iterator<K> iterator() {
			List<K> keys = call(DictOperation.KEYS);
			return new SnapshotIterator<K, K>(keys.iterator()) {

				@Override
				K project(K key) {
					return key;
				}

				@Override
				Object keyOf(K key) {
					return key;
				}

			};
		}

		@Override
		public int size() {
			return DictProxy.this.size();
		}

		@Override
		public boolean contains(Object o) {
			return DictProxy.this.containsKey(o);
		}

		@Override
		public boolean remove(Object o) {
			return DictProxy.this.remove(o) != null;
		}

		@Override
		public void clear() {
			DictProxy.this.clear();
		}

	}

	private final class ValuesView extends AbstractCollection<V> {

		@Override
		public Iterator<V> iterator() {
			return new EntryIterator<>() {

				@Override
				V project(Entry<K, V> entry) {
					return entry.getValue();
				}

			};
		}

		@Override
		public int size() {
			return DictProxy.this.size();
		}

		@Override
		public boolean contains(Object o) {
			return DictProxy.this.containsValue(o);
		}

		@Override
		public void clear() {
			DictProxy.this.clear();
		}

	}

	private final class EntrySetView extends AbstractSet<Entry<K, V>> {

		@Override
		public Iterator<Entry<K, V>> iterator() {
			return new EntryIterator<>() {

				@Override
				Entry<K, V> project(Entry<K, V> entry) {
					return new WriteThroughEntry<>(DictProxy.this, entry.getKey(), entry.getValue());
				}

			};
		}

		@Override
		public int size() {
			return DictProxy.this.size();
		}

		@Override
		public boolean contains(Object o) {
			if (!(o instanceof Entry<?, ?> entry) || entry.getKey() == null) {
				return false;
			}
			V value = DictProxy.this.get(entry.getKey());
			return value != null && value.equals(entry.getValue());
		}

		@Override
		public boolean remove(Object o) {
			return o instanceof Entry<?, ?> entry && entry.getKey() != null
					&& DictProxy.this.remove(entry.getKey(), entry.getValue());
		}

		@Override
		public void clear() {
			DictProxy.this.clear();
		}

	}

}
