package io.sharedstate.model;

/**
 * What an operation does to its object, which tells a host how to run it and a client
 * what it may cache.
 */
public enum OperationKind {

	/** Reads the state without changing it. */
	READ,

	/** Changes the state; never waits. */
	WRITE,

	/**
	 * May wait (for a lock, permits, an item...): the transition can park the call, which
	 * a later transition wakes.
	 */
	BLOCKING,

	/**
	 * May wait like {@link #BLOCKING}, and takes what it returns from the object (a queue
	 * item): a front-end that cannot be sure its caller got the result gives it back
	 * unless the caller confirms it.
	 */
	TAKE

}
