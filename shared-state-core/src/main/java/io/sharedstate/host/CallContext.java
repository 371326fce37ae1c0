package io.sharedstate.host;

import java.util.concurrent.ConcurrentHashMap;

import io.sharedstate.model.OperationKind;

/**
 * The calls of one caller of a host — a client connection, or the hosting process itself:
 * the session they run in, the calls they have parked (by the front-end's request id, so
 * the caller can cancel one), and the results taken from objects that are given back
 * unless the caller confirms it got them. Every front-end uses it the same way. Closing
 * it cancels the parked calls, gives back what was not confirmed, and detaches it from
 * its session, which ends after the grace period once it has no context left.
 */
public final class CallContext {

	private final ObjectHost host;

	private final Session session;

	private final boolean resumed;

	private final ConcurrentHashMap<Long, ParkedCall> parked = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, Taken> unconfirmed = new ConcurrentHashMap<>();

	private volatile boolean closed;

	CallContext(ObjectHost host, Session session, boolean resumed) {
		this.host = host;
		this.session = session;
		this.resumed = resumed;
	}

	/**
	 * Returns the session the calls run in.
	 * @return the session
	 */
	public Session session() {
		return this.session;
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
	 * Returns how many calls of this context are parked.
	 * @return the count
	 */
	public int parkedCalls() {
		return this.parked.size();
	}

	/**
	 * Keeps a parked call under the front-end's id for it, so that {@link #cancel} finds
	 * it; it is forgotten once it completes.
	 * @param requestId the front-end's id of the call
	 * @param call the parked call
	 */
	public void parked(long requestId, ParkedCall call) {
		this.parked.put(requestId, call);
		call.whenComplete((result, failure) -> this.parked.remove(requestId, call));
		if (this.closed) {
			call.cancel(false);
		}
	}

	/**
	 * Cancels a parked call: its caller gave up. Its result reports the cancellation, or
	 * the result that won the race.
	 * @param requestId the front-end's id of the call
	 */
	public void cancel(long requestId) {
		ParkedCall call = this.parked.get(requestId);
		if (call != null) {
			call.cancel(false);
		}
	}

	/**
	 * Records a result delivered to the caller: one taken from its object (a queue item)
	 * is given back unless the caller confirms it, see {@link #confirm}.
	 * @param requestId the front-end's id of the call
	 * @param call the call
	 * @param result its result
	 */
	public void delivered(long requestId, CallRecord call, Object result) {
		if (result != null && call.operation().kind() == OperationKind.TAKE) {
			this.unconfirmed.put(requestId, new Taken(call, result));
			if (this.closed) {
				giveBackUnconfirmed();
			}
		}
	}

	/**
	 * Settles a result the caller had to confirm: confirmed, it is final; declined, it is
	 * given back.
	 * @param requestId the front-end's id of the call
	 * @param accepted whether the caller took it
	 */
	public void confirm(long requestId, boolean accepted) {
		Taken taken = this.unconfirmed.remove(requestId);
		if (taken != null && !accepted) {
			giveBack(taken.call(), taken.result());
		}
	}

	/**
	 * Gives back a result the caller did not get, such as a lock grant whose reply could
	 * not be written.
	 * @param call the call
	 * @param result its result; nothing is done for {@code null}
	 */
	public void giveBack(CallRecord call, Object result) {
		if (call != null && result != null) {
			this.host.giveBack(call.target(), call.operation(), call.args(), result, this.session.id());
		}
	}

	private void giveBackUnconfirmed() {
		for (Long requestId : this.unconfirmed.keySet()) {
			Taken taken = this.unconfirmed.remove(requestId);
			if (taken != null) {
				giveBack(taken.call(), taken.result());
			}
		}
	}

	void parkedInHost(ParkedCall call) {
		if (this.closed) {
			call.cancel(false);
		}
	}

	/**
	 * Returns whether the context was closed.
	 * @return whether it was
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Closes the context: its caller is gone. Parked calls are cancelled (a result that
	 * won the race is given back by whoever delivers it), unconfirmed results are given
	 * back, and the session loses this context.
	 */
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.parked.values().forEach((call) -> call.cancel(false));
		giveBackUnconfirmed();
		if (this != this.host.ownContext()) {
			this.host.sessions().detach(this.session);
		}
	}

	/** A result taken from an object, given back unless confirmed. */
	private record Taken(CallRecord call, Object result) {

	}

}
