package io.sharedstate.engine;

/**
 * The result of a granted wait (a lock, permits, a queue item) that must be given back
 * when it cannot be delivered to the waiter: its connection closed, or the waiting thread
 * was interrupted just as the grant was made.
 */
public interface Revocable {

	/**
	 * Gives the grant back, as if the waiter had never received it.
	 */
	void revoke();

}
