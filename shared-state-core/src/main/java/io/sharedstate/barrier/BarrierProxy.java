package io.sharedstate.barrier;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;

/**
 * A barrier's proxy, on every engine, with the action this process runs when its party
 * trips the barrier.
 */
final class BarrierProxy extends SharedProxy implements SharedBarrier {

	private final transient Runnable action;

	BarrierProxy(ObjectHandle handle) {
		this(handle, null);
	}

	private BarrierProxy(ObjectHandle handle, Runnable action) {
		super(handle);
		this.action = action;
	}

	@Override
	public SharedBarrier withAction(Runnable action) {
		return (action != this.action) ? new BarrierProxy(handle(), action) : this;
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
		long thread = Thread.currentThread().getId();
		if (Thread.interrupted()) {
			// Like CyclicBarrier: arriving interrupted breaks the barrier for the others.
			handle().call(BarrierOperation.ABORT, thread);
			throw new InterruptedException();
		}
		Object[] late = new Object[1];
		Object result;
		try {
			// An interrupted wait is cancelled where the barrier lives, which breaks it
			// for the others; one that had just tripped keeps its result.
			result = handle().callBlocking(BarrierOperation.AWAIT, wait, (tripped) -> late[0] = tripped, thread,
					(wait != null) ? wait.toNanos() : -1L, this.action != null);
		}
		catch (InterruptedException ex) {
			if (late[0] == null) {
				throw ex;
			}
			// As CyclicBarrier does: the barrier tripped, so the party goes on to the
			// next generation with its interrupt status set.
			Thread.currentThread().interrupt();
			result = late[0];
		}
		return outcome(result);
	}

	private int outcome(Object result) throws BrokenBarrierException, TimeoutException {
		if (result instanceof String reason) {
			throw new BrokenBarrierException(reason);
		}
		int index = (Integer) result;
		if (index == BarrierState.TIMED_OUT) {
			throw new TimeoutException("Not every party of " + this + " arrived in time; the barrier is now broken");
		}
		if (index == BarrierState.RUN_ACTION) {
			long thread = Thread.currentThread().getId();
			try {
				this.action.run();
			}
			catch (RuntimeException | Error ex) {
				handle().call(BarrierOperation.ACTION_DONE, thread, false);
				throw ex;
			}
			handle().call(BarrierOperation.ACTION_DONE, thread, true);
			return 0;
		}
		return index;
	}

	@Override
	public void reset() {
		handle().call(BarrierOperation.RESET);
	}

	@Override
	public void abort() {
		handle().call(BarrierOperation.ABORT, Thread.currentThread().getId());
	}

	@Override
	public boolean isBroken() {
		return (Boolean) handle().call(BarrierOperation.IS_BROKEN);
	}

	@Override
	public int parties() {
		return (Integer) handle().call(BarrierOperation.PARTIES);
	}

	@Override
	public int numberWaiting() {
		return (Integer) handle().call(BarrierOperation.WAITING);
	}

	@Override
	public String toString() {
		return "barrier '" + name() + "'";
	}

}
