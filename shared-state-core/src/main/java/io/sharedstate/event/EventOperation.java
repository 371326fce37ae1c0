package io.sharedstate.event;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of an event. Append only: the wire code is the position.
 */
enum EventOperation implements Operation {

	SET, CLEAR, IS_SET,

	/**
	 * Args: thread id, timeout in ns (negative for ever). Reply: whether the flag was
	 * set.
	 */
	AWAIT,

	/** Reply: how many wait. */
	WAITING;

	static final EventOperation[] ALL = values();

}
