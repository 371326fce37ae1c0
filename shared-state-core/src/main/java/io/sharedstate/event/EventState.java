package io.sharedstate.event;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.sharedstate.engine.Owner;
import io.sharedstate.engine.ParkedWaiters;
import io.sharedstate.engine.Waiter;

/**
 * The authoritative state of an event: the flag and the threads waiting for it.
 */
final class EventState {

	private final ParkedWaiters<Boolean> waiters;

	private boolean flag;

	EventState(ScheduledExecutorService timer) {
		this.waiters = new ParkedWaiters<>(this, timer, (waiter) -> waiter.complete(false), (waiter) -> {
		});
	}

	void set() {
		List<Waiter<Boolean>> woken;
		synchronized (this) {
			this.flag = true;
			woken = this.waiters.serveAll();
		}
		woken.forEach((waiter) -> waiter.complete(true));
	}

	synchronized void clear() {
		this.flag = false;
	}

	synchronized boolean isSet() {
		return this.flag;
	}

	synchronized int waiting() {
		return this.waiters.size();
	}

	/**
	 * Waits for the flag.
	 * @param owner who waits
	 * @param timeoutNanos how long: 0 to only look, negative for ever
	 * @return a future of whether the flag was set, complete unless the owner waits
	 */
	synchronized CompletableFuture<Boolean> await(Owner owner, long timeoutNanos) {
		if (this.flag || timeoutNanos == 0) {
			return CompletableFuture.completedFuture(this.flag);
		}
		return this.waiters.park(owner, null, timeoutNanos);
	}

	void sessionEnded(long session) {
		List<Waiter<Boolean>> gone;
		synchronized (this) {
			gone = this.waiters.removeSession(session);
		}
		gone.forEach((waiter) -> waiter.complete(false));
	}

}
