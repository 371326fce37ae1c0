package io.sharedstate.value;

import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedObject;

/**
 * A {@code long} counter shared between processes, like
 * {@link java.util.concurrent.atomic.AtomicLong}. Every operation is atomic across
 * processes. A new counter starts at zero.
 */
public interface SharedCounter extends SharedObject {

	/**
	 * Returns the current count.
	 * @return the count
	 */
	long get();

	/**
	 * Sets the count.
	 * @param value the new count
	 */
	void set(long value);

	/**
	 * Adds one and returns the new count.
	 * @return the new count
	 */
	long incrementAndGet();

	/**
	 * Subtracts one and returns the new count.
	 * @return the new count
	 */
	long decrementAndGet();

	/**
	 * Adds one and returns the previous count.
	 * @return the previous count
	 */
	long getAndIncrement();

	/**
	 * Subtracts one and returns the previous count.
	 * @return the previous count
	 */
	long getAndDecrement();

	/**
	 * Adds a delta and returns the new count.
	 * @param delta the amount to add
	 * @return the new count
	 */
	long addAndGet(long delta);

	/**
	 * Adds a delta and returns the previous count.
	 * @param delta the amount to add
	 * @return the previous count
	 */
	long getAndAdd(long delta);

	/**
	 * Sets the count if it equals the expected one.
	 * @param expected the count expected to be there
	 * @param value the new count
	 * @return whether it was set
	 */
	boolean compareAndSet(long expected, long value);

	/**
	 * Asynchronous {@link #get()}.
	 * @return the count
	 */
	CompletableFuture<Long> getAsync();

	/**
	 * Asynchronous {@link #addAndGet(long)}.
	 * @param delta the amount to add
	 * @return the new count
	 */
	CompletableFuture<Long> addAndGetAsync(long delta);

}
