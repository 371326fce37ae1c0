package io.sharedstate.lock;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a condition. Append only: the wire code is the position.
 */
enum ConditionOperation implements Operation {

	/**
	 * Args: thread id, timeout in ns (negative for ever). Reply: lock grant and signalled
	 * bit.
	 */
	AWAIT,

	/** Args: thread id. Reply: null. */
	SIGNAL,

	/** Args: thread id. Reply: null. */
	SIGNAL_ALL,

	/** Reply: the condition's lock. */
	LOCK,

	/** Reply: how many wait. */
	WAITING;

	static final ConditionOperation[] ALL = values();

}
