package io.sharedstate.model;

import io.sharedstate.api.SharedObject;

/**
 * The host's side of one transition of a state: who calls, and the effects the transition
 * has beyond its result — parking the caller, waking parked calls. A state never waits,
 * keeps no futures and starts no timers: it records waits as {@link Parked} entries in
 * itself, and its host does the waiting, the timing out and the waking, whether the host
 * is this JVM, a manager server or a cluster member.
 */
public interface Transition {

	/** The result of an operation whose caller was parked. */
	Object PARKED = new Object() {

		@Override
		public String toString() {
			return "PARKED";
		}

	};

	/**
	 * Returns the session of the calling process.
	 * @return the session id
	 */
	long session();

	/**
	 * Returns who calls: a thread of the calling session.
	 * @param thread the thread's id, as the caller sent it
	 * @param threadName its name, for inspection, or {@code null}
	 * @return the owner
	 */
	default Owner owner(long thread, String threadName) {
		return new Owner(session(), thread, threadName);
	}

	/**
	 * Parks the calling operation: the state keeps the returned entry and wakes it with
	 * {@link #wake} when a later transition can serve it. The host ends it after the
	 * timeout by calling {@link BlockingState#expire}.
	 * @param owner who waits
	 * @param request what it waits for (permits wanted, an item to put...), or
	 * {@code null}
	 * @param timeoutNanos how long it may wait; negative for ever
	 * @return the entry to keep
	 */
	Parked park(Owner owner, Object request, long timeoutNanos);

	/**
	 * Wakes a parked call with its result, once this transition is done.
	 * @param parked the entry, no longer kept by the state
	 * @param result the call's result
	 */
	void wake(Parked parked, Object result);

	/**
	 * Wakes a parked call with a failure, once this transition is done.
	 * @param parked the entry, no longer kept by the state
	 * @param failure what the caller gets
	 */
	void fail(Parked parked, RuntimeException failure);

	/**
	 * Returns the current time, for what inspection shows (when a lock was taken...).
	 * @return milliseconds since the epoch
	 */
	long currentTimeMillis();

	/**
	 * Hosts a new object for an instance a transition produced, such as an object of a
	 * registered custom type returned by a custom object's method, and returns a
	 * reference to it for the caller.
	 * @param name the name wanted; the host may append to it to make it unique
	 * @param initial what the object is opened with (its custom type)
	 * @param state the new object's state
	 * @return the object, as a value to return or store
	 */
	default SharedObject host(String name, Object initial, Object state) {
		throw new UnsupportedOperationException("This host cannot create objects during a transition");
	}

	/**
	 * Names the process of a session, for inspection.
	 * @param session the session id
	 * @return a description such as {@code worker-1 (pid 42 on host-a)}
	 */
	default String processOf(long session) {
		return "session " + Long.toHexString(session);
	}

}
