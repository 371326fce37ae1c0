package io.sharedstate.barrier;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a barrier. Append only: the wire code is the position.
 */
enum BarrierOperation implements Operation {

	/**
	 * Args: thread id, timeout in ns (negative for ever), has action. Reply: index or
	 * outcome.
	 */
	AWAIT,

	/** Args: thread id, whether the action succeeded. Reply: null. */
	ACTION_DONE,

	RESET, ABORT, IS_BROKEN, PARTIES, WAITING;

	static final BarrierOperation[] ALL = values();

}
