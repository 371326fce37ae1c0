package io.sharedstate.event;

import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedObject;

/**
 * A flag shared between processes that threads can wait for, like Python's {@code Event}.
 * While the flag is set, waiting returns at once; {@link #set()} wakes every waiter.
 */
public interface SharedEvent extends SharedObject {

	/**
	 * Sets the flag and wakes every waiting thread, in every process.
	 */
	void set();

	/**
	 * Clears the flag; later waits wait again.
	 */
	void clear();

	/**
	 * Returns whether the flag is set.
	 * @return the flag
	 */
	boolean isSet();

	/**
	 * Waits until the flag is set.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void await() throws InterruptedException;

	/**
	 * Waits until the flag is set or the time runs out.
	 * @param timeout the longest wait
	 * @param unit its unit
	 * @return whether the flag was set (so {@code false} means the time ran out)
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean await(long timeout, TimeUnit unit) throws InterruptedException;

}
