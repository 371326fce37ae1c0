package io.sharedstate.semaphore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.ManagerClosedException;
import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;
import io.sharedstate.model.Uninterruptibly;

/**
 * A semaphore's proxy, on every engine. A release of permits this proxy took is sent
 * without waiting for its reply; a bounded semaphore's releases wait, because the bound
 * is checked where the semaphore lives.
 */
final class SemaphoreProxy extends SharedProxy implements SharedSemaphore {

	private static final Logger logger = LoggerFactory.getLogger(SemaphoreProxy.class);

	private final transient AtomicInteger held = new AtomicInteger();

	SemaphoreProxy(ObjectHandle handle) {
		super(handle);
	}

	private boolean acquire(int permits, Duration wait) throws InterruptedException {
		long timeout = (wait != null) ? wait.toNanos() : -1L;
		Object granted = handle().callBlocking(SemaphoreOperation.ACQUIRE, wait,
				(grant) -> handle().send(SemaphoreOperation.RELEASE, grant), Thread.currentThread().getId(), permits,
				timeout);
		return counted(granted);
	}

	private boolean counted(Object granted) {
		if (granted == null) {
			return false;
		}
		this.held.addAndGet((Integer) granted);
		return true;
	}

	@Override
	public void acquire() throws InterruptedException {
		acquire(1, null);
	}

	@Override
	public void acquire(int permits) throws InterruptedException {
		acquire(permits, null);
	}

	@Override
	public void acquireUninterruptibly() {
		Uninterruptibly.run(this::acquire);
	}

	@Override
	public boolean tryAcquire() {
		return tryAcquire(1);
	}

	@Override
	public boolean tryAcquire(int permits) {
		return counted(handle().call(SemaphoreOperation.ACQUIRE, Thread.currentThread().getId(), permits, 0L));
	}

	@Override
	public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
		return acquire(1, Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	@Override
	public boolean tryAcquire(int permits, long timeout, TimeUnit unit) throws InterruptedException {
		return acquire(permits, Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	@Override
	public void release() {
		release(1);
	}

	@Override
	public void release(int permits) {
		if (permits < 0) {
			throw new IllegalArgumentException("Cannot release " + permits + " permits");
		}
		if (type() == SharedType.SEMAPHORE && takeFromHeld(permits)) {
			handle().send(SemaphoreOperation.RELEASE, permits).whenComplete((ignored, failure) -> {
				if (failure != null && !(failure instanceof ManagerClosedException)) {
					logger.warn("Releasing {} permits of {} failed: {}", permits, this, failure.toString());
				}
			});
			return;
		}
		// A bounded semaphore's bound is checked where it lives, even for permits this
		// process took: another process may have released as many already.
		handle().call(SemaphoreOperation.RELEASE, permits);
		this.held.updateAndGet((held) -> Math.max(0, held - permits));
	}

	private boolean takeFromHeld(int permits) {
		while (true) {
			int current = this.held.get();
			if (current < permits) {
				return false;
			}
			if (this.held.compareAndSet(current, current - permits)) {
				return true;
			}
		}
	}

	@Override
	public int availablePermits() {
		return (Integer) handle().call(SemaphoreOperation.AVAILABLE);
	}

	@Override
	public int drainPermits() {
		int drained = (Integer) handle().call(SemaphoreOperation.DRAIN);
		this.held.addAndGet(drained);
		return drained;
	}

	@Override
	public String toString() {
		return type() + " '" + name() + "'";
	}

}
