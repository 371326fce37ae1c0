package io.sharedstate.semaphore;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalWaits;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SessionBound;

/**
 * A semaphore hosted in this process, used directly by its threads.
 */
final class LocalSemaphore implements SharedSemaphore, SessionBound, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient SharedType type;

	private final transient SemaphoreState state;

	LocalSemaphore(LocalEngine engine, String name, SharedType type, int permits) {
		this.engine = engine;
		this.name = name;
		this.type = type;
		this.state = new SemaphoreState(name, permits, type == SharedType.BOUNDED_SEMAPHORE, engine.timer());
	}

	SemaphoreState state() {
		return this.state;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	private boolean acquire(int permits, long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		return LocalWaits
			.await(this.state.acquire(Owner.current(this.engine.session()), permits, timeoutNanos)) != null;
	}

	@Override
	public void acquire() throws InterruptedException {
		acquire(1, -1);
	}

	@Override
	public void acquire(int permits) throws InterruptedException {
		acquire(permits, -1);
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
		return this.state.acquire(Owner.current(this.engine.session()), permits, 0).join() != null;
	}

	@Override
	public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
		return acquire(1, Math.max(0, unit.toNanos(timeout)));
	}

	@Override
	public boolean tryAcquire(int permits, long timeout, TimeUnit unit) throws InterruptedException {
		return acquire(permits, Math.max(0, unit.toNanos(timeout)));
	}

	@Override
	public void release() {
		release(1);
	}

	@Override
	public void release(int permits) {
		this.state.release(this.engine.session(), permits);
	}

	@Override
	public int availablePermits() {
		return this.state.available();
	}

	@Override
	public int drainPermits() {
		return this.state.drain(this.engine.session());
	}

	@Override
	public void sessionEnded(long session) {
		this.state.sessionEnded(session);
	}

	@Override
	public String toString() {
		return this.type + " '" + this.name + "'";
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(this.type, this.name);
	}

}
