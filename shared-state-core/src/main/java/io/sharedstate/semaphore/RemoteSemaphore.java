package io.sharedstate.semaphore;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.engine.LocalWaits;

/**
 * A client's proxy of a semaphore. It counts the permits this process holds, so releasing
 * them to a plain semaphore needs no round trip. Releases of a bounded semaphore wait for
 * the server, which alone knows whether they would push it over its bound.
 */
final class RemoteSemaphore implements SharedSemaphore, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient RemoteHandle handle;

	private final transient SharedType type;

	private final transient AtomicInteger held = new AtomicInteger();

	RemoteSemaphore(RemoteHandle handle, SharedType type) {
		this.handle = handle;
		this.type = type;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	private boolean acquire(int permits, Duration wait) throws InterruptedException {
		long timeout = (wait != null) ? wait.toNanos() : -1L;
		Object granted = this.handle.callBlocking(SemaphoreOperation.ACQUIRE, wait,
				(grant) -> this.handle.send(SemaphoreOperation.RELEASE, grant), Thread.currentThread().getId(), permits,
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
		LocalWaits.uninterruptibly(this::acquire);
	}

	@Override
	public boolean tryAcquire() {
		return tryAcquire(1);
	}

	@Override
	public boolean tryAcquire(int permits) {
		return counted(this.handle.call(SemaphoreOperation.ACQUIRE, Thread.currentThread().getId(), permits, 0L));
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
		if (this.type == SharedType.SEMAPHORE && takeFromHeld(permits)) {
			this.handle.sendReporting(SemaphoreOperation.RELEASE, permits);
			return;
		}
		// A bounded semaphore's bound is checked on the server, even for permits this
		// process took: another process may have released as many already.
		this.handle.call(SemaphoreOperation.RELEASE, permits);
		this.held.updateAndGet((held) -> Math.max(0, held - permits));
	}

	/**
	 * Counts down permits this process holds; false when it holds fewer (ask the server).
	 */
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
		return (Integer) this.handle.call(SemaphoreOperation.AVAILABLE);
	}

	@Override
	public int drainPermits() {
		int drained = (Integer) this.handle.call(SemaphoreOperation.DRAIN);
		this.held.addAndGet(drained);
		return drained;
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
