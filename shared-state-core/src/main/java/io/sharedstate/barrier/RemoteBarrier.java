package io.sharedstate.barrier;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;

/**
 * A client's proxy of a barrier.
 */
final class RemoteBarrier extends BarrierOutcomes implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient RemoteHandle handle;

	RemoteBarrier(RemoteHandle handle, Runnable action) {
		super(action);
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.BARRIER;
	}

	@Override
	public int await() throws InterruptedException, BrokenBarrierException {
		try {
			return await(null);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("An untimed wait cannot time out", ex);
		}
	}

	@Override
	public int await(long timeout, TimeUnit unit)
			throws InterruptedException, BrokenBarrierException, TimeoutException {
		return await(Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	private int await(Duration wait) throws InterruptedException, BrokenBarrierException, TimeoutException {
		if (Thread.interrupted()) {
			// Like CyclicBarrier: arriving interrupted breaks the barrier for the others.
			this.handle.call(BarrierOperation.ABORT);
			throw new InterruptedException();
		}
		// An interrupted wait is cancelled on the server, which breaks the barrier for
		// the others.
		long thread = Thread.currentThread().getId();
		Object result = this.handle.callBlocking(BarrierOperation.AWAIT, wait, (lateResult) -> {
			if ((Integer) lateResult == BarrierState.RUN_ACTION) {
				this.handle.sendReporting(BarrierOperation.ACTION_DONE, thread, false);
			}
		}, thread, (wait != null) ? wait.toNanos() : -1L, hasAction());
		return outcome((Integer) result);
	}

	RemoteBarrier withAction(Runnable action) {
		return (action != null) ? new RemoteBarrier(this.handle, action) : this;
	}

	@Override
	void actionDone(boolean succeeded) {
		this.handle.call(BarrierOperation.ACTION_DONE, Thread.currentThread().getId(), succeeded);
	}

	@Override
	public void reset() {
		this.handle.call(BarrierOperation.RESET);
	}

	@Override
	public void abort() {
		this.handle.call(BarrierOperation.ABORT);
	}

	@Override
	public boolean isBroken() {
		return (Boolean) this.handle.call(BarrierOperation.IS_BROKEN);
	}

	@Override
	public int parties() {
		return (Integer) this.handle.call(BarrierOperation.PARTIES);
	}

	@Override
	public int numberWaiting() {
		return (Integer) this.handle.call(BarrierOperation.WAITING);
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
