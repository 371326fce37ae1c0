package io.sharedstate.lock;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a lock. Append only: the wire code is the position.
 */
enum LockOperation implements Operation {

	/**
	 * Args: thread id, timeout in ns (0 try, negative for ever). Reply: the grant, or
	 * null.
	 */
	ACQUIRE,

	/** Args: thread id, fence. Reply: whether a hold was released. */
	RELEASE,

	/** Reply: whether the lock is held. */
	IS_LOCKED,

	/** Reply: how many wait. */
	WAITING;

	static final LockOperation[] ALL = values();

}
