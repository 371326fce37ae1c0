package io.sharedstate.semaphore;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a semaphore. Append only: the wire code is the position.
 */
enum SemaphoreOperation implements Operation {

	/**
	 * Args: thread id, permits, timeout in ns (0 try, negative for ever). Reply: permits
	 * granted or null.
	 */
	ACQUIRE,

	/** Args: permits. Reply: null. */
	RELEASE,

	/** Reply: free permits. */
	AVAILABLE,

	/** Reply: permits taken. */
	DRAIN,

	/** Reply: how many wait. */
	WAITING;

	static final SemaphoreOperation[] ALL = values();

}
