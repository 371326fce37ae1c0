package io.sharedstate.semaphore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.sharedstate.engine.Owner;
import io.sharedstate.engine.ParkedWaiters;
import io.sharedstate.engine.Revocable;
import io.sharedstate.engine.Waiter;

/**
 * The authoritative state of a semaphore: free permits, the waiters in arrival order, and
 * how many permits each session holds, so that a session's permits come back when it
 * ends.
 */
final class SemaphoreState {

	private final String name;

	private final int bound;

	private final ParkedWaiters<Grant> waiters;

	private final Map<Long, Integer> heldBySession = new HashMap<>();

	private int permits;

	/**
	 * Creates the state.
	 * @param name the semaphore's name
	 * @param permits the initial permits
	 * @param bounded whether releasing above the initial permits is refused
	 * @param timer ends timed waits
	 */
	SemaphoreState(String name, int permits, boolean bounded, ScheduledExecutorService timer) {
		if (permits < 0) {
			throw new IllegalArgumentException("A semaphore cannot start with " + permits + " permits");
		}
		this.name = name;
		this.permits = permits;
		this.bound = bounded ? permits : -1;
		this.waiters = new ParkedWaiters<>(this, timer, (waiter) -> {
			waiter.complete(null);
			serveWaiting();
		}, (waiter) -> serveWaiting());
	}

	/**
	 * Acquires permits.
	 * @param owner who acquires
	 * @param count how many
	 * @param timeoutNanos how long to wait: 0 to only try, negative for ever
	 * @return the grant's future, complete unless the owner waits; {@code null} when the
	 * time ran out
	 */
	CompletableFuture<Grant> acquire(Owner owner, int count, long timeoutNanos) {
		if (count < 0) {
			throw new IllegalArgumentException("Cannot acquire " + count + " permits");
		}
		synchronized (this) {
			if (this.permits >= count && (this.waiters.isEmpty() || timeoutNanos == 0)) {
				return CompletableFuture.completedFuture(take(owner.session(), count));
			}
			if (timeoutNanos == 0) {
				return CompletableFuture.completedFuture(null);
			}
			return this.waiters.park(owner, count, timeoutNanos);
		}
	}

	private Grant take(long session, int count) {
		this.permits -= count;
		this.heldBySession.merge(session, count, Integer::sum);
		return new Grant(session, count);
	}

	/**
	 * Returns permits.
	 * @param session who releases (its own held count goes down first)
	 * @param count how many
	 * @throws IllegalStateException for a bounded semaphore that would exceed its initial
	 * count
	 */
	void release(long session, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("Cannot release " + count + " permits");
		}
		List<Waiter<Grant>> served;
		List<Grant> grants = new ArrayList<>();
		synchronized (this) {
			if (this.bound >= 0 && this.permits + count > this.bound) {
				throw new IllegalStateException(
						"The bounded semaphore '" + this.name + "' was released more often " + "than it was acquired: "
								+ this.permits + " + " + count + " permits would exceed its " + this.bound);
			}
			this.heldBySession.computeIfPresent(session, (key, held) -> (held > count) ? held - count : null);
			this.permits += count;
			served = serveWaiters(grants);
		}
		complete(served, grants);
	}

	private List<Waiter<Grant>> serveWaiters(List<Grant> grants) {
		List<Waiter<Grant>> served = new ArrayList<>();
		for (Waiter<Grant> first = this.waiters.first(); first != null
				&& first.<Integer>request() <= this.permits; first = this.waiters.first()) {
			this.waiters.serveFirst();
			served.add(first);
			grants.add(take(first.owner().session(), first.<Integer>request()));
		}
		return served;
	}

	/**
	 * Serves the waiters the free permits now cover: a waiter for many permits that gave
	 * up (timed out or cancelled) may have held back later waiters for fewer.
	 */
	private void serveWaiting() {
		List<Grant> grants = new ArrayList<>();
		List<Waiter<Grant>> served;
		synchronized (this) {
			served = serveWaiters(grants);
		}
		complete(served, grants);
	}

	private static void complete(List<Waiter<Grant>> served, List<Grant> grants) {
		for (int i = 0; i < served.size(); i++) {
			served.get(i).complete(grants.get(i));
		}
	}

	synchronized int available() {
		return this.permits;
	}

	synchronized int waiting() {
		return this.waiters.size();
	}

	/**
	 * Takes all free permits.
	 * @param session who takes them
	 * @return how many
	 */
	synchronized int drain(long session) {
		int drained = this.permits;
		if (drained > 0) {
			take(session, drained);
		}
		return drained;
	}

	void sessionEnded(long session) {
		List<Waiter<Grant>> gone;
		List<Waiter<Grant>> served;
		List<Grant> grants = new ArrayList<>();
		synchronized (this) {
			gone = this.waiters.removeSession(session);
			Integer held = this.heldBySession.remove(session);
			if (held != null) {
				this.permits = (this.bound >= 0) ? Math.min(this.bound, this.permits + held) : this.permits + held;
			}
			served = serveWaiters(grants);
		}
		gone.forEach((waiter) -> waiter.complete(null));
		complete(served, grants);
	}

	/**
	 * Permits granted to a session; on the wire, their count.
	 */
	final class Grant implements Revocable, io.sharedstate.codec.WireValue {

		private final long session;

		private final int count;

		Grant(long session, int count) {
			this.session = session;
			this.count = count;
		}

		int count() {
			return this.count;
		}

		@Override
		public void revoke() {
			release(this.session, this.count);
		}

		@Override
		public Object wireValue() {
			return this.count;
		}

	}

}
