package io.sharedstate.value;

import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedObject;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableUnaryOperator;

/**
 * A single value shared between processes, like
 * {@link java.util.concurrent.atomic.AtomicReference}. {@code null} is allowed. Updates
 * with functions run on the manager server and are atomic. {@link #compareAndSet}
 * compares with {@link Object#equals}, since the server holds a copy of the value, never
 * the caller's instance.
 *
 * @param <V> the value type
 */
public interface SharedValue<V> extends SharedObject {

	/**
	 * Returns the current value.
	 * @return the value
	 */
	V get();

	/**
	 * Sets the value.
	 * @param value the new value
	 */
	void set(V value);

	/**
	 * Sets the value and returns the old one, atomically.
	 * @param value the new value
	 * @return the previous value
	 */
	V getAndSet(V value);

	/**
	 * Sets the value if the current one equals the expected one, atomically.
	 * @param expected the value expected to be there (compared with {@code equals})
	 * @param value the new value
	 * @return whether the value was set
	 */
	boolean compareAndSet(V expected, V value);

	/**
	 * Applies the function to the current value on the server and stores the result.
	 * @param function computes the new value
	 * @return the previous value
	 */
	V getAndUpdate(SerializableUnaryOperator<V> function);

	/**
	 * Applies the function to the current value on the server and stores the result.
	 * @param function computes the new value
	 * @return the new value
	 */
	V updateAndGet(SerializableUnaryOperator<V> function);

	/**
	 * Combines the current value with the given one on the server and stores the result.
	 * @param x the value to combine with
	 * @param function combines the current value and {@code x}
	 * @return the new value
	 */
	V accumulateAndGet(V x, SerializableBinaryOperator<V> function);

	/**
	 * Asynchronous {@link #get()}.
	 * @return the value
	 */
	CompletableFuture<V> getAsync();

	/**
	 * Asynchronous {@link #set(Object)}.
	 * @param value the new value
	 * @return completes when the value is stored
	 */
	CompletableFuture<Void> setAsync(V value);

	/**
	 * Returns the lock that goes with this value, like Python's {@code Value.get_lock()}:
	 * a reentrant shared lock named after the value ({@code <name>.lock}), for
	 * read-modify-write sequences that span several calls. Single calls such as
	 * {@link #updateAndGet} are atomic without it.
	 * @return the lock
	 */
	io.sharedstate.lock.SharedLock getLock();

}
