package io.sharedstate.inspect;

import io.sharedstate.api.SharedType;

/**
 * Hears about operations as a manager runs them, for metrics: a client times each call it
 * makes, a server each request it serves, and every manager the waits for and holds of
 * its locks. Calls come from the operating threads, so an observer must be fast and
 * thread-safe, and must not throw.
 */
public interface OperationObserver {

	/** An observer that ignores everything. */
	OperationObserver NONE = new OperationObserver() {
	};

	/**
	 * An operation finished.
	 * @param type the object's type
	 * @param operation the operation
	 * @param nanos how long it took
	 * @param success whether it completed without an exception
	 */
	default void operation(SharedType type, String operation, long nanos, boolean success) {
	}

	/**
	 * A thread of this process got a lock.
	 * @param lock the lock's name
	 * @param waitNanos how long it waited
	 */
	default void lockAcquired(String lock, long waitNanos) {
	}

	/**
	 * A thread of this process gave a lock up.
	 * @param lock the lock's name
	 * @param heldNanos how long it held it
	 */
	default void lockReleased(String lock, long heldNanos) {
	}

}
