package io.sharedstate.lock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.sharedstate.codec.WireValue;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.ParkedWaiters;
import io.sharedstate.engine.Revocable;
import io.sharedstate.engine.Waiter;

/**
 * The authoritative state of a lock: who holds it (a thread of a session), how many
 * times, and who waits, first come first served. Every grant carries a fence number that
 * grows with each new holder, so a late or repeated release of an earlier hold is
 * recognised and ignored.
 */
final class LockState {

	private final String name;

	private final boolean reentrant;

	private final ParkedWaiters<Grant> waiters;

	private Owner holder;

	private int holds;

	private long fence;

	private boolean holderDied;

	private java.time.Instant heldSince;

	LockState(String name, boolean reentrant, ScheduledExecutorService timer) {
		this.name = name;
		this.reentrant = reentrant;
		this.waiters = new ParkedWaiters<>(this, timer, (waiter) -> waiter.complete(null), (waiter) -> {
		});
	}

	/**
	 * Acquires the lock for an owner.
	 * @param owner the acquiring thread
	 * @param timeoutNanos how long to wait: 0 to only try, negative for ever
	 * @return a future of the grant, already complete unless the owner has to wait; it
	 * completes with {@code null} when the time runs out
	 */
	CompletableFuture<Grant> acquire(Owner owner, long timeoutNanos) {
		synchronized (this) {
			if (this.holder == null && (this.waiters.isEmpty() || timeoutNanos == 0)) {
				return CompletableFuture.completedFuture(grantTo(owner));
			}
			if (this.reentrant && owner.equals(this.holder)) {
				this.holds++;
				return CompletableFuture.completedFuture(new Grant(owner, this.fence, false));
			}
			if (timeoutNanos == 0) {
				return CompletableFuture.completedFuture(null);
			}
			return this.waiters.park(owner, null, timeoutNanos);
		}
	}

	private Grant grantTo(Owner owner) {
		this.heldSince = java.time.Instant.now();
		this.holder = owner;
		this.holds = 1;
		this.fence++;
		Grant grant = new Grant(owner, this.fence, this.holderDied);
		this.holderDied = false;
		return grant;
	}

	/**
	 * Releases one hold.
	 * @param owner the releasing thread
	 * @param fence the fence of its grant, or 0 to release whatever hold the owner has
	 * @return whether a hold was released; {@code false} when the grant is stale (the
	 * lock was taken from the owner because its session was considered gone)
	 * @throws IllegalMonitorStateException if the owner does not hold the lock at all
	 */
	boolean release(Owner owner, long fence) {
		Waiter<Grant> next;
		Grant grant;
		synchronized (this) {
			if (!owner.equals(this.holder)) {
				if (fence != 0) {
					return false;
				}
				throw new IllegalMonitorStateException("The lock '" + this.name + "' is not held by this thread");
			}
			if (fence != 0 && fence != this.fence) {
				return false;
			}
			if (--this.holds > 0) {
				return true;
			}
			this.holder = null;
			next = this.waiters.serveFirst();
			grant = (next != null) ? grantTo(next.owner()) : null;
		}
		if (next != null) {
			next.complete(grant);
		}
		return true;
	}

	/**
	 * Gives up every hold of the owner, as a condition wait does; call under this monitor
	 * and complete the returned waiter after leaving it.
	 * @param owner the holder
	 * @return a completion to run outside the monitor, never {@code null}
	 * @throws IllegalMonitorStateException if the owner does not hold the lock
	 */
	Runnable releaseForWait(Owner owner) {
		if (!owner.equals(this.holder)) {
			throw new IllegalMonitorStateException("The lock '" + this.name + "' is not held by this thread");
		}
		this.holder = null;
		this.holds = 0;
		Waiter<Grant> next = this.waiters.serveFirst();
		if (next == null) {
			return () -> {
			};
		}
		Grant grant = grantTo(next.owner());
		return () -> next.complete(grant);
	}

	/**
	 * Returns the monitor that guards this lock, shared by its conditions.
	 * @return the monitor
	 */
	Object monitor() {
		return this;
	}

	String name() {
		return this.name;
	}

	/**
	 * Describes the lock for inspection.
	 * @param engine names the holder's process
	 * @return locked, holder, thread, since, holds and waiting
	 */
	synchronized java.util.Map<String, Object> describe(io.sharedstate.engine.LocalEngine engine) {
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("locked", this.holder != null);
		if (this.holder != null) {
			state.put("holder", engine.processOf(this.holder.session()));
			state.put("thread",
					(this.holder.threadName() != null) ? this.holder.threadName() : "thread " + this.holder.thread());
			state.put("since", this.heldSince.toString());
			if (this.reentrant) {
				state.put("holds", this.holds);
			}
		}
		state.put("waiting", this.waiters.size());
		return state;
	}

	synchronized boolean isLocked() {
		return this.holder != null;
	}

	synchronized boolean isHeldBy(Owner owner) {
		return owner.equals(this.holder);
	}

	synchronized int waiting() {
		return this.waiters.size();
	}

	void sessionEnded(long session) {
		List<Waiter<Grant>> gone;
		Waiter<Grant> next = null;
		Grant grant = null;
		synchronized (this) {
			gone = this.waiters.removeSession(session);
			if (this.holder != null && this.holder.session() == session) {
				this.holder = null;
				this.holderDied = true;
				next = this.waiters.serveFirst();
				grant = (next != null) ? grantTo(next.owner()) : null;
			}
		}
		gone.forEach((waiter) -> waiter.complete(null));
		if (next != null) {
			next.complete(grant);
		}
	}

	/**
	 * A hold of the lock, as sent to the holder. On the wire it is one number: the fence
	 * shifted left by one, with the lowest bit set when the previous holder died.
	 */
	final class Grant implements Revocable, WireValue {

		private final Owner owner;

		private final long fence;

		private final boolean previousHolderDied;

		Grant(Owner owner, long fence, boolean previousHolderDied) {
			this.owner = owner;
			this.fence = fence;
			this.previousHolderDied = previousHolderDied;
		}

		long fence() {
			return this.fence;
		}

		boolean previousHolderDied() {
			return this.previousHolderDied;
		}

		@Override
		public void revoke() {
			release(this.owner, this.fence);
		}

		@Override
		public Object wireValue() {
			return encode(this.fence, this.previousHolderDied);
		}

	}

	static long encode(long fence, boolean holderDied) {
		return (fence << 1) | (holderDied ? 1 : 0);
	}

	static long fenceOf(long wire) {
		return wire >>> 1;
	}

	static boolean holderDiedOf(long wire) {
		return (wire & 1) != 0;
	}

}
