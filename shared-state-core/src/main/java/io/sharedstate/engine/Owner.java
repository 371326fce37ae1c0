package io.sharedstate.engine;

/**
 * Who holds or waits for something: a session (one client process, or the manager's own
 * process) and one of its threads. A lock held by a thread of a client belongs to that
 * client's session, which the server ends, releasing what it held, when the client is
 * gone for longer than the grace period.
 *
 * @param session the session id
 * @param thread the thread id within the session's process
 */
public record Owner(long session, long thread) {

	/**
	 * Returns the owner for the calling thread in a session.
	 * @param session the session id
	 * @return the owner
	 */
	public static Owner current(long session) {
		return new Owner(session, Thread.currentThread().getId());
	}

}
