package io.sharedstate.queue;

import io.sharedstate.engine.Operation;

/**
 * The remote operations of a queue. Append only: the wire code is the position.
 */
enum QueueOperation implements Operation {

	/**
	 * Args: thread id, item, timeout in ns (0 none, negative for ever). Reply: whether it
	 * was put.
	 */
	OFFER,

	/** Args: thread id, timeout in ns. Reply: the item or null; acknowledged. */
	POLL,

	/** Args: max. Reply: the items taken; acknowledged. */
	DRAIN,

	PEEK, SIZE, REMAINING_CAPACITY, SNAPSHOT, CONTAINS, REMOVE, REMOVE_ALL, RETAIN_ALL, CLEAR,

	TASK_DONE,

	/** Args: thread id, timeout in ns. Reply: whether all tasks were done. */
	JOIN,

	UNFINISHED;

	static final QueueOperation[] ALL = values();

}
