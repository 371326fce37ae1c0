package io.sharedstate.dict;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.sharedstate.api.SharedObject;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.function.SerializableFunction;

/**
 * A map shared between processes, with the semantics of {@link ConcurrentMap}: keys and
 * values may not be {@code null}, and every operation on one dict is atomic and
 * linearizable across all processes using it.
 *
 * <p>
 * {@link #compute}, {@link #computeIfAbsent}, {@link #computeIfPresent}, {@link #merge}
 * and {@link #replaceAll} are atomic across processes: two processes each doing
 * {@code merge(key, 1L, Long::sum)} never lose an increment. A serializable function
 * (lambdas and method references passed directly to a {@code SharedDict} select the
 * serializable overloads) runs once, on the manager server; it needs no class of the
 * caller when it is a method reference to a JDK method or one of
 * {@link io.sharedstate.function.SharedFunctions}, otherwise its class must be on the
 * server's classpath. Any other function (a plain {@code BiFunction}, as {@code Map} code
 * passes) runs in the caller with the compare-and-replace loop of {@link ConcurrentMap}'s
 * default methods: atomic with respect to the dict, but it may run more than once when
 * another process changes the key at the same time. In-process, every function runs once,
 * in the dict.
 *
 * <p>
 * Values are copies: a plain {@link java.util.List}, {@link java.util.Set} or {@link Map}
 * read back is an unmodifiable snapshot whose mutators throw, because a change to it
 * would be lost. Store a shared object (for example a
 * {@link io.sharedstate.list.SharedList}) to get a live reference, or use
 * {@code compute}/{@code merge}.
 *
 * <p>
 * On a remote dict, {@link #keySet()}, {@link #values()} and {@link #entrySet()} are
 * views whose {@code size}, {@code contains} and {@code remove} go to the server; their
 * iterators walk a snapshot taken when iteration starts, and {@code Iterator.remove()}
 * removes that key on the server. {@code Map.Entry.setValue} writes through.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface SharedDict<K, V> extends ConcurrentMap<K, V>, SharedObject {

	/**
	 * Atomically computes a new value for the key on the server.
	 * @param key the key
	 * @param function computes the new value from the key and the current value
	 * ({@code null} if absent); returning {@code null} removes the entry
	 * @return the new value, or {@code null} if removed
	 * @see ConcurrentMap#compute(Object, BiFunction)
	 */
	default V compute(K key, SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return compute(key, (BiFunction<? super K, ? super V, ? extends V>) function);
	}

	/**
	 * Atomically computes a value for an absent key on the server.
	 * @param key the key
	 * @param function computes the value from the key
	 * @return the current (existing or computed) value
	 * @see ConcurrentMap#computeIfAbsent(Object, Function)
	 */
	default V computeIfAbsent(K key, SerializableFunction<? super K, ? extends V> function) {
		return computeIfAbsent(key, (Function<? super K, ? extends V>) function);
	}

	/**
	 * Atomically recomputes the value of a present key on the server.
	 * @param key the key
	 * @param function computes the new value; {@code null} removes the entry
	 * @return the new value, or {@code null}
	 * @see ConcurrentMap#computeIfPresent(Object, BiFunction)
	 */
	default V computeIfPresent(K key, SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		return computeIfPresent(key, (BiFunction<? super K, ? super V, ? extends V>) function);
	}

	/**
	 * Atomically merges a value into the entry on the server.
	 * @param key the key
	 * @param value the value to store when absent, or to combine with the current one
	 * @param function combines the current and the given value; {@code null} removes the
	 * entry
	 * @return the new value, or {@code null}
	 * @see ConcurrentMap#merge(Object, Object, BiFunction)
	 */
	default V merge(K key, V value, SerializableBiFunction<? super V, ? super V, ? extends V> function) {
		return merge(key, value, (BiFunction<? super V, ? super V, ? extends V>) function);
	}

	/**
	 * Atomically replaces every value with the function's result, on the server.
	 * @param function computes each new value from its key and current value
	 */
	default void replaceAll(SerializableBiFunction<? super K, ? super V, ? extends V> function) {
		replaceAll((BiFunction<? super K, ? super V, ? extends V>) function);
	}

	/**
	 * Returns a copy of the whole dict, taken atomically in one call.
	 * @return an unmodifiable snapshot
	 */
	Map<K, V> snapshot();

	/**
	 * Asynchronous {@link #get(Object)}; requests are pipelined on the connection.
	 * @param key the key
	 * @return the value, or {@code null}
	 */
	CompletableFuture<V> getAsync(K key);

	/**
	 * Asynchronous {@link #put(Object, Object)}.
	 * @param key the key
	 * @param value the value
	 * @return the previous value, or {@code null}
	 */
	CompletableFuture<V> putAsync(K key, V value);

	/**
	 * Asynchronous {@link #putIfAbsent(Object, Object)}.
	 * @param key the key
	 * @param value the value
	 * @return the existing value, or {@code null} if this one was stored
	 */
	CompletableFuture<V> putIfAbsentAsync(K key, V value);

	/**
	 * Asynchronous {@link #remove(Object)}.
	 * @param key the key
	 * @return the removed value, or {@code null}
	 */
	CompletableFuture<V> removeAsync(K key);

	/**
	 * Asynchronous {@link #containsKey(Object)}.
	 * @param key the key
	 * @return whether the key is present
	 */
	CompletableFuture<Boolean> containsKeyAsync(K key);

	/**
	 * Asynchronous {@link #merge(Object, Object, SerializableBiFunction)}.
	 * @param key the key
	 * @param value the value
	 * @param function combines the current and the given value
	 * @return the new value, or {@code null}
	 */
	CompletableFuture<V> mergeAsync(K key, V value, SerializableBiFunction<? super V, ? super V, ? extends V> function);

	/**
	 * Asynchronous {@link #compute(Object, SerializableBiFunction)}.
	 * @param key the key
	 * @param function computes the new value
	 * @return the new value, or {@code null}
	 */
	CompletableFuture<V> computeAsync(K key, SerializableBiFunction<? super K, ? super V, ? extends V> function);

	/**
	 * Asynchronous {@link #size()}.
	 * @return the number of entries
	 */
	CompletableFuture<Integer> sizeAsync();

}
