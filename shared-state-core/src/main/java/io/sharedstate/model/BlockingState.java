package io.sharedstate.model;

/**
 * A state whose operations may park callers or hold something for a session (a lock,
 * permits, an unacknowledged item). Its host calls these transitions, with the object's
 * monitor held, when a wait runs out of time, a caller gives up, a session ends or a
 * result could not be delivered.
 */
public interface BlockingState {

	/**
	 * Returns the object whose monitor guards this state's transitions: the state itself,
	 * or the state it is part of (a condition's lock).
	 * @return the monitor
	 */
	default Object monitor() {
		return this;
	}

	/**
	 * A parked call's time ran out: if it is still parked, remove it and wake it with the
	 * operation's timeout result.
	 * @param waitId the call's wait id
	 * @param transition wakes the call and any other it frees
	 */
	void expire(long waitId, Transition transition);

	/**
	 * The caller gave up (it was interrupted): if the call is still parked, remove it.
	 * @param waitId the call's wait id
	 * @param transition wakes any call its leaving frees
	 * @return whether it was still parked; {@code false} when it was served already
	 */
	boolean cancel(long waitId, Transition transition);

	/**
	 * A result could not be delivered (the caller's connection is gone, or it declined a
	 * queue item): give back what it granted, so nothing stays taken.
	 * @param operation the operation that produced it
	 * @param args its arguments
	 * @param result the result
	 * @param transition the session of the caller, and wakes for calls the give-back
	 * frees
	 */
	void giveBack(Operation operation, Object[] args, Object result, Transition transition);

	/**
	 * A session ended (its process is gone): drop its parked calls and release what it
	 * held, waking whoever that frees.
	 * @param session the session
	 * @param transition wakes the freed calls
	 */
	void sessionEnded(long session, Transition transition);

}
