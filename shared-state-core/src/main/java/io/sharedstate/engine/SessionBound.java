package io.sharedstate.engine;

/**
 * A shared object that holds things on behalf of sessions (locks, permits, barrier
 * places, reserved queue items) and must give them back when a session ends.
 */
public interface SessionBound {

	/**
	 * Releases everything a session held or waited for: the session's process is gone.
	 * @param session the ended session
	 */
	void sessionEnded(long session);

}
