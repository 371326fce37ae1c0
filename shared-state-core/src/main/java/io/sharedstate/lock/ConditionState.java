package io.sharedstate.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.sharedstate.codec.WireValue;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.ParkedWaiters;
import io.sharedstate.engine.Revocable;
import io.sharedstate.engine.Waiter;

/**
 * The authoritative state of a condition: the threads waiting on it, guarded by its
 * lock's monitor so that releasing the lock and starting to wait are one step. A
 * signalled or timed-out waiter queues for the lock again and its wait completes when it
 * holds the lock.
 */
final class ConditionState {

	private final LocalLock lock;

	private final LockState lockState;

	private final ParkedWaiters<Awakening> waiters;

	ConditionState(LocalLock lock, ScheduledExecutorService timer) {
		this.lock = lock;
		this.lockState = lock.state();
		this.waiters = new ParkedWaiters<>(this.lockState.monitor(), timer, (waiter) -> reacquire(waiter, false),
				(waiter) -> {
				});
	}

	LocalLock lock() {
		return this.lock;
	}

	/**
	 * Releases the owner's lock and waits for a signal.
	 * @param owner the waiting thread, which must hold the lock
	 * @param timeoutNanos how long to wait for a signal, negative for ever
	 * @return a future that completes once the owner holds the lock again
	 * @throws IllegalMonitorStateException if the owner does not hold the lock
	 */
	CompletableFuture<Awakening> await(Owner owner, long timeoutNanos) {
		Runnable handOver;
		Waiter<Awakening> waiter;
		synchronized (this.lockState.monitor()) {
			handOver = this.lockState.releaseForWait(owner);
			waiter = this.waiters.park(owner, null, Math.max(timeoutNanos, -1));
		}
		handOver.run();
		return waiter;
	}

	/**
	 * Wakes the longest-waiting thread.
	 * @param owner the signalling thread, which must hold the lock
	 */
	void signal(Owner owner) {
		Waiter<Awakening> woken;
		synchronized (this.lockState.monitor()) {
			requireHolder(owner);
			woken = this.waiters.serveFirst();
		}
		if (woken != null) {
			reacquire(woken, true);
		}
	}

	/**
	 * Wakes every waiting thread.
	 * @param owner the signalling thread, which must hold the lock
	 */
	void signalAll(Owner owner) {
		List<Waiter<Awakening>> woken;
		synchronized (this.lockState.monitor()) {
			requireHolder(owner);
			woken = this.waiters.serveAll();
		}
		woken.forEach((waiter) -> reacquire(waiter, true));
	}

	private void requireHolder(Owner owner) {
		if (!this.lockState.isHeldBy(owner)) {
			throw new IllegalMonitorStateException(
					"Signalling needs the lock '" + this.lockState.name() + "', which this thread does not hold");
		}
	}

	private void reacquire(Waiter<Awakening> waiter, boolean signalled) {
		this.lockState.acquire(waiter.owner(), -1).thenAccept((grant) -> {
			if (grant != null) {
				waiter.complete(new Awakening(grant, signalled));
			}
		});
	}

	int waiting() {
		synchronized (this.lockState.monitor()) {
			return this.waiters.size();
		}
	}

	void sessionEnded(long session) {
		List<Waiter<Awakening>> gone;
		synchronized (this.lockState.monitor()) {
			gone = new ArrayList<>(this.waiters.removeSession(session));
		}
		gone.forEach((waiter) -> waiter.complete(null));
	}

	/**
	 * The end of a wait: the lock held again, and whether a signal (not the timeout)
	 * ended it. On the wire: the lock grant shifted left by one, the lowest bit set when
	 * signalled.
	 */
	static final class Awakening implements Revocable, WireValue {

		private final LockState.Grant grant;

		private final boolean signalled;

		Awakening(LockState.Grant grant, boolean signalled) {
			this.grant = grant;
			this.signalled = signalled;
		}

		LockState.Grant grant() {
			return this.grant;
		}

		boolean signalled() {
			return this.signalled;
		}

		@Override
		public void revoke() {
			this.grant.revoke();
		}

		@Override
		public Object wireValue() {
			return ((Long) this.grant.wireValue() << 1) | (this.signalled ? 1 : 0);
		}

	}

}
