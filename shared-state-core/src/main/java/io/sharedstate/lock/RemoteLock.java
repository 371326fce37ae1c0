package io.sharedstate.lock;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.engine.LocalWaits;

/**
 * A client's proxy of a lock. Acquiring asks the server (and waits there); re-entering
 * and unlocking are decided locally, and the final release is sent without waiting for
 * the reply.
 */
final class RemoteLock implements SharedLock, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final Logger logger = LoggerFactory.getLogger(RemoteLock.class);

	private final transient RemoteHandle handle;

	private final transient SharedType type;

	private final transient ThreadHolds holds;

	RemoteLock(RemoteHandle handle, SharedType type) {
		this.handle = handle;
		this.type = type;
		this.holds = new ThreadHolds(handle.name());
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	private boolean reentrant() {
		return this.type == SharedType.RLOCK;
	}

	@Override
	public void lock() {
		LocalWaits.uninterruptibly(this::lockInterruptibly);
	}

	@Override
	public void lockInterruptibly() throws InterruptedException {
		acquire(null);
	}

	@Override
	public boolean tryLock() {
		if (reentrant() && this.holds.reenter()) {
			return true;
		}
		long start = System.nanoTime();
		return granted(this.handle.call(LockOperation.ACQUIRE, Thread.currentThread().getId(),
				Thread.currentThread().getName(), 0L), start);
	}

	@Override
	public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
		return acquire(Duration.ofNanos(Math.max(0, unit.toNanos(time))));
	}

	private boolean acquire(Duration wait) throws InterruptedException {
		if (reentrant() && this.holds.reenter()) {
			return true;
		}
		long start = System.nanoTime();
		long thread = Thread.currentThread().getId();
		long timeout = (wait != null) ? wait.toNanos() : -1L;
		Object grant = this.handle.callBlocking(LockOperation.ACQUIRE, wait,
				(unused) -> sendRelease(thread, LockState.fenceOf((Long) unused), false), thread,
				Thread.currentThread().getName(), timeout);
		return granted(grant, start);
	}

	private boolean granted(Object grant, long startNanos) {
		if (grant == null) {
			return false;
		}
		this.holds.granted((Long) grant);
		this.handle.observer().lockAcquired(name(), System.nanoTime() - startNanos);
		return true;
	}

	@Override
	public void unlock() {
		ThreadHolds.Hold hold = this.holds.release();
		if (hold != null) {
			sendRelease(Thread.currentThread().getId(), hold.fence, true);
			this.handle.observer().lockReleased(name(), System.nanoTime() - hold.grantedAtNanos);
		}
	}

	/**
	 * Tells the server a hold ends, without waiting. A release lost with a broken
	 * connection is sent again on the next one (the fence makes a repeat harmless); a
	 * refused one is logged.
	 */
	private void sendRelease(long thread, long fence, boolean retry) {
		this.handle.send(LockOperation.RELEASE, thread, fence).whenComplete((released, failure) -> {
			if (failure instanceof SharedStateConnectionException && retry) {
				sendRelease(thread, fence, false);
			}
			else if (failure != null) {
				logger.warn("Releasing {} failed: {}", this, failure.toString());
			}
			else if (Boolean.FALSE.equals(released)) {
				logger.warn(
						"{} had already been taken from this process (its session was considered gone) when "
								+ "a thread released it; what it protected may have been changed by another holder",
						this);
			}
		});
	}

	@Override
	public boolean isLocked() {
		return (Boolean) this.handle.call(LockOperation.IS_LOCKED);
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
		return this.handle.open(SharedType.CONDITION, name() + ".condition", this);
	}

	@Override
	public String toString() {
		return this.type + " '" + name() + "'";
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
