package io.sharedstate.model;

/**
 * A state that checks what an existing object is opened with again: a condition must be
 * opened with its own lock, a barrier with its own number of parties.
 */
public interface Reopenable {

	/**
	 * Checks a value an existing object is opened with.
	 * @param initial the value
	 * @throws IllegalArgumentException if it contradicts the object
	 */
	void reopened(Object initial);

}
