package io.sharedstate.lock;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalWaits;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SessionBound;

/**
 * A lock hosted in this process, used directly by its threads (the server's clients reach
 * the same {@link LockState} through the server).
 */
final class LocalLock implements SharedLock, SessionBound, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient LockState state;

	private final transient ThreadHolds holds;

	private final transient boolean reentrant;

	LocalLock(LocalEngine engine, String name, boolean reentrant) {
		this.engine = engine;
		this.name = name;
		this.reentrant = reentrant;
		this.state = new LockState(name, reentrant, engine.timer());
		this.holds = new ThreadHolds(name);
	}

	LockState state() {
		return this.state;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return this.reentrant ? SharedType.RLOCK : SharedType.LOCK;
	}

	private Owner owner() {
		return Owner.current(this.engine.session());
	}

	@Override
	public void lock() {
		LocalWaits.uninterruptibly(this::lockInterruptibly);
	}

	@Override
	public void lockInterruptibly() throws InterruptedException {
		acquire(-1);
	}

	@Override
	public boolean tryLock() {
		if (this.reentrant && this.holds.reenter()) {
			return true;
		}
		long start = System.nanoTime();
		return granted(this.state.acquire(owner(), 0).join(), start);
	}

	@Override
	public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
		return acquire(Math.max(0, unit.toNanos(time)));
	}

	private boolean acquire(long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		if (this.reentrant && this.holds.reenter()) {
			return true;
		}
		long start = System.nanoTime();
		return granted(LocalWaits.await(this.state.acquire(owner(), timeoutNanos)), start);
	}

	private boolean granted(LockState.Grant grant, long startNanos) {
		if (grant == null) {
			return false;
		}
		this.holds.granted(LockState.encode(grant.fence(), grant.previousHolderDied()));
		this.engine.observer().lockAcquired(this.name, System.nanoTime() - startNanos);
		return true;
	}

	@Override
	public void unlock() {
		ThreadHolds.Hold hold = this.holds.release();
		if (hold != null) {
			this.state.release(owner(), hold.fence);
			this.engine.observer().lockReleased(this.name, System.nanoTime() - hold.grantedAtNanos);
		}
	}

	@Override
	public void sessionEnded(long session) {
		this.state.sessionEnded(session);
	}

	@Override
	public boolean isLocked() {
		return this.state.isLocked();
	}

	ThreadHolds holds() {
		return this.holds;
	}

	@Override
	public boolean isHeldByCurrentThread() {
		return this.holds.isHeldByCurrentThread();
	}

	@Override
	public boolean holderDied() {
		return this.holds.holderDied();
	}

	@Override
	public Condition newCondition() {
		return this.engine.condition(this.name + ".condition", this);
	}

	@Override
	public String toString() {
		return type() + " '" + this.name + "'";
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(type(), this.name);
	}

}
