package io.sharedstate.model;

import java.util.Objects;

/**
 * Who holds or waits for something: a session (one client process, or the manager's own
 * process) and one of its threads. A lock held by a thread of a client belongs to that
 * client's session, which the server ends, releasing what it held, when the client is
 * gone for longer than the grace period. Two owners are the same when session and thread
 * id are; the thread's name is only there to show who holds what.
 *
 * @param session the session id
 * @param thread the thread id within the session's process
 * @param threadName the thread's name, or {@code null} when not known
 */
public record Owner(long session, long thread, String threadName) implements java.io.Serializable {

	/**
	 * Creates an owner whose thread name is not known.
	 * @param session the session id
	 * @param thread the thread id
	 */
	public Owner(long session, long thread) {
		this(session, thread, null);
	}

	/**
	 * Returns the owner for the calling thread in a session.
	 * @param session the session id
	 * @return the owner
	 */
	public static Owner current(long session) {
		Thread thread = Thread.currentThread();
		return new Owner(session, thread.getId(), thread.getName());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Owner owner && owner.session == this.session && owner.thread == this.thread;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.session, this.thread);
	}

}
