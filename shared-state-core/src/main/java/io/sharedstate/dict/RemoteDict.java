package io.sharedstate.dict;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
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

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.engine.RemoteFunctions;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.function.SerializableFunction;

/**
 * A client's proxy of a dict: every call is one request to the manager server.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RemoteDict<K, V> implements SharedDict<K, V>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient RemoteHandle handle;

	RemoteDict(RemoteHandle handle) {
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.DICT;
	}

	@SuppressWarnings("unchecked")
	private <T> T call(DictOperation op, Object... args) {
		return (T) this.handle.call(op, args);
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
		return call(DictOperation.COMPUTE, Objects.requireNonNull(key), RemoteFunctions.check(function, "compute"));
	}

	@Override
	public V computeIfAbsent(K key, Function<? super K, ? extends V> function) {
		return call(DictOperation.COMPUTE_IF_ABSENT, Objects.requireNonNull(key),
				RemoteFunctions.check(function, "computeIfAbsent"));
	}

	@Override
	public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> function) {
		return call(DictOperation.COMPUTE_IF_PRESENT, Objects.requireNonNull(key),
				RemoteFunctions.check(function, "computeIfPresent"));
	}

	@Override
	public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
		return call(DictOperation.MERGE, Objects.requireNonNull(key), Objects.requireNonNull(value),
				RemoteFunctions.check(function, "merge"));
	}

	@Override
	public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
		call(DictOperation.REPLACE_ALL, RemoteFunctions.check(function, "replaceAll"));
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
		return call(DictOperation.SNAPSHOT);
	}

	@Override
	public CompletableFuture<V> getAsync(K key) {
		return this.handle.callAsync(DictOperation.GET, Objects.requireNonNull(key));
	}

	@Override
	public CompletableFuture<V> putAsync(K key, V value) {
		return this.handle.callAsync(DictOperation.PUT, Objects.requireNonNull(key), Objects.requireNonNull(value));
	}

	@Override
	public CompletableFuture<V> putIfAbsentAsync(K key, V value) {
		return this.handle.callAsync(DictOperation.PUT_IF_ABSENT, Objects.requireNonNull(key),
				Objects.requireNonNull(value));
	}

	@Override
	public CompletableFuture<V> removeAsync(K key) {
		return this.handle.callAsync(DictOperation.REMOVE, Objects.requireNonNull(key));
	}

	@Override
	public CompletableFuture<Boolean> containsKeyAsync(K key) {
		return this.handle.callAsync(DictOperation.CONTAINS_KEY, Objects.requireNonNull(key));
	}

	@Override
	public CompletableFuture<V> mergeAsync(K key, V value,
			SerializableBiFunction<? super V, ? super V, ? extends V> function) {
		return this.handle.callAsync(DictOperation.MERGE, Objects.requireNonNull(key), Objects.requireNonNull(value),
				Objects.requireNonNull(function));
	}

	@Override
	public CompletableFuture<V> computeAsync(K key,
			SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return this.handle.callAsync(DictOperation.COMPUTE, Objects.requireNonNull(key),
				Objects.requireNonNull(function));
	}

	@Override
	public CompletableFuture<Integer> sizeAsync() {
		return this.handle.callAsync(DictOperation.SIZE);
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
		return snapshot().toString();
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

	/**
	 * Walks a snapshot of entries; {@code remove} removes the last key returned on the
	 * server.
	 */
	private abstract class SnapshotIterator<T> implements Iterator<T> {

		private final Iterator<Entry<K, V>> entries = snapshot().entrySet().iterator();

		private Entry<K, V> last;

		@Override
		public boolean hasNext() {
			return this.entries.hasNext();
		}

		@Override
		public T next() {
			this.last = this.entries.next();
			return project(this.last);
		}

		abstract T project(Entry<K, V> entry);

		@Override
		public void remove() {
			if (this.last == null) {
				throw new IllegalStateException("next() has not been called, or remove() was already called");
			}
			RemoteDict.this.remove(this.last.getKey());
			this.last = null;
		}

	}

	private final class KeySetView extends AbstractSet<K> {

		@Override
		public Iterator<K> iterator() {
			List<K> keys = call(DictOperation.KEYS);
			Iterator<K> snapshot = keys.iterator();
			return new Iterator<>() {

				private K last;

				@Override
				public boolean hasNext() {
					return snapshot.hasNext();
				}

				@Override
				public K next() {
					this.last = snapshot.next();
					return this.last;
				}

				@Override
				public void remove() {
					if (this.last == null) {
						throw new IllegalStateException("next() has not been called, or remove() was already called");
					}
					RemoteDict.this.remove(this.last);
					this.last = null;
				}

			};
		}

		@Override
		public int size() {
			return RemoteDict.this.size();
		}

		@Override
		public boolean contains(Object o) {
			return RemoteDict.this.containsKey(o);
		}

		@Override
		public boolean remove(Object o) {
			return RemoteDict.this.remove(o) != null;
		}

		@Override
		public void clear() {
			RemoteDict.this.clear();
		}

	}

	private final class ValuesView extends AbstractCollection<V> {

		@Override
		public Iterator<V> iterator() {
			return new SnapshotIterator<>() {
				@Override
				V project(Entry<K, V> entry) {
					return entry.getValue();
				}
			};
		}

		@Override
		public int size() {
			return RemoteDict.this.size();
		}

		@Override
		public boolean contains(Object o) {
			return RemoteDict.this.containsValue(o);
		}

		@Override
		public void clear() {
			RemoteDict.this.clear();
		}

	}

	private final class EntrySetView extends AbstractSet<Entry<K, V>> {

		@Override
		public Iterator<Entry<K, V>> iterator() {
			return new SnapshotIterator<>() {
				@Override
				Entry<K, V> project(Entry<K, V> entry) {
					return new WriteThroughEntry<>(RemoteDict.this, entry.getKey(), entry.getValue());
				}
			};
		}

		@Override
		public int size() {
			return RemoteDict.this.size();
		}

		@Override
		public boolean contains(Object o) {
			if (!(o instanceof Entry<?, ?> entry) || entry.getKey() == null) {
				return false;
			}
			V value = RemoteDict.this.get(entry.getKey());
			return value != null && value.equals(entry.getValue());
		}

		@Override
		public boolean remove(Object o) {
			return o instanceof Entry<?, ?> entry && entry.getKey() != null
					&& RemoteDict.this.remove(entry.getKey(), entry.getValue());
		}

		@Override
		public void clear() {
			RemoteDict.this.clear();
		}

	}

}
