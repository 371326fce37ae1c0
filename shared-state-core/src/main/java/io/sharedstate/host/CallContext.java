package io.sharedstate.host;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls of one caller of a host — a client connection, or the hosting process itself:
 * the session they run in and the calls they have parked. Closing it cancels its parked
 * calls and detaches it from its session, which ends after the grace period once it has
 * no context left.
 */
public final class CallContext {

	private final ObjectHost host;

	private final Session session;

	private final Set<ParkedCall> parked = ConcurrentHashMap.newKeySet();

	private final boolean resumed;

	private volatile boolean closed;

	CallContext(ObjectHost host, Session session, boolean resumed) {
		this.host = host;
		this.session = session;
		this.resumed = resumed;
	}

	/**
	 * Returns whether the session existed when this context joined it: its process
	 * reconnected in time and keeps what it holds. {@code false} for a new session, and
	 * for one the host had ended, whose holds are void.
	 * @return whether the session was resumed
	 */
	public boolean resumed() {
		return this.resumed;
	}

	/**
	 * Returns the session the calls run in.
	 * @return the session
	 */
	public Session session() {
		return this.session;
	}

	void parked(ParkedCall call) {
		this.parked.add(call);
		if (this.closed) {
			call.cancel(false);
		}
	}

	void unparked(ParkedCall call) {
		this.parked.remove(call);
	}

	/**
	 * Returns whether the context was closed.
	 * @return whether it was
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Closes the context: its caller is gone. Parked calls are cancelled (their results,
	 * if they won the race, must be given back by whoever delivers them).
	 */
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (ParkedCall call : this.parked) {
			call.cancel(false);
		}
		this.host.sessions().detach(this.session);
	}

}
