package io.sharedstate.lock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.ManagerClosedException;
import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;
import io.sharedstate.model.Uninterruptibly;

/**
 * A lock's proxy, on every engine; an engine keeps one per lock, which knows the holds of
 * this process's threads. Re-entering a held reentrant lock costs no call; an unlock is
 * sent without waiting for its reply, and resent once if the connection broke.
 */
final class LockProxy extends SharedProxy implements SharedLock {

	private static final Logger logger = LoggerFactory.getLogger(LockProxy.class);

	private final transient ThreadHolds holds;

	LockProxy(ObjectHandle handle) {
		super(handle);
		this.holds = new ThreadHolds(handle.name());
	}

	private boolean reentrant() {
		return handle().type() == SharedType.RLOCK;
	}

	ThreadHolds holds() {
		return this.holds;
	}

	ObjectHandle lockHandle() {
		return handle();
	}

	@Override
	public void lock() {
		Uninterruptibly.run(this::lockInterruptibly);
	}

	@Override
	public void lockInterruptibly() throws InterruptedException {
		acquire(null);
	}

	@Override
	public boolean tryLock() {
		if (reentrant() && this.holds.reenter(handle().sessionEpoch())) {
			return true;
		}
		long start = System.nanoTime();
		Thread thread = Thread.currentThread();
		return granted(handle().call(LockOperation.ACQUIRE, thread.getId(), thread.getName(), 0L), start);
	}

	@Override
	public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
		return acquire(Duration.ofNanos(Math.max(0, unit.toNanos(time))));
	}

	private boolean acquire(Duration wait) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		if (reentrant() && this.holds.reenter(handle().sessionEpoch())) {
			return true;
		}
		long start = System.nanoTime();
		Thread current = Thread.currentThread();
		long thread = current.getId();
		Object grant = handle().callBlocking(LockOperation.ACQUIRE, wait,
				(unused) -> sendRelease(thread, LockGrants.fenceOf((Long) unused), false), thread, current.getName(),
				(wait != null) ? wait.toNanos() : -1L);
		return granted(grant, start);
	}

	private boolean granted(Object grant, long startNanos) {
		if (grant == null) {
			return false;
		}
		this.holds.granted((Long) grant, handle().knownSessionEpoch());
		handle().lockEvent(true, System.nanoTime() - startNanos);
		return true;
	}

	@Override
	public void unlock() {
		ThreadHolds.Hold hold = this.holds.release(handle().sessionEpoch());
		if (hold != null) {
			sendRelease(Thread.currentThread().getId(), hold.fence(), true);
			handle().lockEvent(false, System.nanoTime() - hold.grantedAtNanos);
		}
	}

	private void sendRelease(long thread, long fence, boolean retry) {
		handle().send(LockOperation.RELEASE, thread, fence).whenComplete((released, failure) -> {
			if (failure instanceof SharedStateConnectionException && retry) {
				sendRelease(thread, fence, false);
			}
			else if (failure instanceof ManagerClosedException) {
				// Released by the end of this process's session anyway.
				logger.debug("Releasing {} after its manager was closed: {}", this, failure.toString());
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
		return (Boolean) handle().call(LockOperation.IS_LOCKED);
	}

	@Override
	public boolean isHeldByCurrentThread() {
		return this.holds.isHeldByCurrentThread(handle().knownSessionEpoch());
	}

	@Override
	public boolean stillHeld() {
		ThreadHolds.Hold hold = this.holds.current();
		if (hold == null || hold.epoch != handle().sessionEpoch()) {
			return false;
		}
		return (Boolean) handle().call(LockOperation.IS_HELD, Thread.currentThread().getId(), hold.fence());
	}

	@Override
	public <T extends SharedObject> T fenced(T object) {
		ThreadHolds.Hold hold = this.holds.current();
		if (hold == null) {
			throw this.holds.notHeld();
		}
		return handle().openFenced(object, Thread.currentThread().getId(), hold.fence());
	}

	@Override
	public boolean holderDied() {
		return this.holds.holderDied();
	}

	@Override
	public Condition newCondition() {
		return handle().open(SharedType.CONDITION, name() + ".condition", this);
	}

	@Override
	public String toString() {
		return type() + " '" + name() + "'";
	}

}
