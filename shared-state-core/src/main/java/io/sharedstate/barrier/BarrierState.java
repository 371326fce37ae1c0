package io.sharedstate.barrier;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.sharedstate.engine.Owner;
import io.sharedstate.engine.ParkedWaiters;
import io.sharedstate.engine.Waiter;

/**
 * The authoritative state of a barrier: arrivals of the current round, whether it is
 * broken, and who runs the action. Results are arrival indexes or one of the negative
 * outcomes below.
 */
final class BarrierState {

	/** The barrier is broken. */
	static final int BROKEN = -1;

	/** This waiter's time ran out; the barrier broke. */
	static final int TIMED_OUT = -2;

	/**
	 * This waiter arrived last and must run the action, then report with
	 * {@link #actionDone}.
	 */
	static final int RUN_ACTION = -3;

	private final int parties;

	private final ParkedWaiters<Integer> waiters;

	private int arrived;

	private boolean broken;

	private Owner actionRunner;

	BarrierState(int parties, ScheduledExecutorService timer) {
		if (parties <= 0) {
			throw new IllegalArgumentException("A barrier needs at least one party, not " + parties);
		}
		this.parties = parties;
		this.waiters = new ParkedWaiters<>(this, timer, (waiter) -> breakFor(waiter, TIMED_OUT),
				(waiter) -> breakFor(null, BROKEN));
	}

	/**
	 * Arrives at the barrier.
	 * @param owner who arrives
	 * @param timeoutNanos how long to wait for the others, negative for ever
	 * @param hasAction whether the arriving process has an action to run if it is last
	 * @return the arrival index, or an outcome; complete unless the owner waits
	 */
	CompletableFuture<Integer> await(Owner owner, long timeoutNanos, boolean hasAction) {
		List<Waiter<Integer>> released;
		synchronized (this) {
			if (this.broken) {
				return CompletableFuture.completedFuture(BROKEN);
			}
			int index = this.parties - 1 - this.arrived;
			this.arrived++;
			if (index > 0) {
				if (timeoutNanos == 0) {
					breakLocked();
					return CompletableFuture.completedFuture(TIMED_OUT);
				}
				return this.waiters.park(owner, index, timeoutNanos);
			}
			if (hasAction) {
				this.actionRunner = owner;
				return CompletableFuture.completedFuture(RUN_ACTION);
			}
			released = nextRound();
		}
		released.forEach((waiter) -> waiter.complete(waiter.request()));
		return CompletableFuture.completedFuture(0);
	}

	/**
	 * Reports the end of the action run by the last arrival.
	 * @param owner who ran it
	 * @param succeeded whether it returned normally; if not, the barrier breaks
	 */
	void actionDone(Owner owner, boolean succeeded) {
		List<Waiter<Integer>> released;
		synchronized (this) {
			if (!owner.equals(this.actionRunner)) {
				return;
			}
			this.actionRunner = null;
			if (succeeded) {
				released = nextRound();
			}
			else {
				breakLocked();
				released = this.waiters.serveAll();
			}
		}
		released.forEach((waiter) -> waiter.complete(succeeded ? waiter.request() : BROKEN));
	}

	private List<Waiter<Integer>> nextRound() {
		this.arrived = 0;
		return this.waiters.serveAll();
	}

	/**
	 * Breaks the barrier; the waiter given (timed out) gets {@code outcome}, all others
	 * BROKEN.
	 */
	private void breakFor(Waiter<Integer> cause, int outcome) {
		List<Waiter<Integer>> others;
		synchronized (this) {
			breakLocked();
			others = this.waiters.serveAll();
		}
		if (cause != null) {
			cause.complete(outcome);
		}
		others.forEach((waiter) -> waiter.complete(BROKEN));
	}

	private void breakLocked() {
		this.broken = true;
		this.arrived = 0;
		this.actionRunner = null;
	}

	void reset() {
		List<Waiter<Integer>> waiting;
		synchronized (this) {
			waiting = this.waiters.serveAll();
			this.arrived = 0;
			this.broken = false;
			this.actionRunner = null;
		}
		waiting.forEach((waiter) -> waiter.complete(BROKEN));
	}

	void abort() {
		breakFor(null, BROKEN);
	}

	synchronized boolean isBroken() {
		return this.broken;
	}

	int parties() {
		return this.parties;
	}

	synchronized int waiting() {
		return this.waiters.size();
	}

	void sessionEnded(long session) {
		List<Waiter<Integer>> gone;
		boolean involved;
		synchronized (this) {
			gone = this.waiters.removeSession(session);
			involved = !gone.isEmpty() || (this.actionRunner != null && this.actionRunner.session() == session);
		}
		gone.forEach((waiter) -> waiter.complete(BROKEN));
		if (involved) {
			breakFor(null, BROKEN);
		}
	}

}
