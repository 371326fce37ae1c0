package io.sharedstate.lock;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;
import io.sharedstate.model.Uninterruptibly;

/**
 * The {@link java.util.concurrent.locks.Condition} methods that every shared condition
 * derives from one timed wait.
 */
abstract class ConditionWaits extends SharedProxy implements SharedCondition {

	ConditionWaits(ObjectHandle handle) {
		super(handle);
	}

	/**
	 * Waits for a signal, releasing the lock meanwhile and holding it again on return.
	 * @param timeoutNanos the longest wait, negative for ever
	 * @return whether a signal (not the timeout) ended the wait
	 * @throws InterruptedException if interrupted; the lock is held again
	 */
	abstract boolean awaitSignal(long timeoutNanos) throws InterruptedException;

	@Override
	public void await() throws InterruptedException {
		awaitSignal(-1);
	}

	@Override
	public void awaitUninterruptibly() {
		Uninterruptibly.run(this::await);
	}

	@Override
	public long awaitNanos(long nanosTimeout) throws InterruptedException {
		long start = System.nanoTime();
		awaitSignal(Math.max(0, nanosTimeout));
		return nanosTimeout - (System.nanoTime() - start);
	}

	@Override
	public boolean await(long time, TimeUnit unit) throws InterruptedException {
		return awaitSignal(Math.max(0, unit.toNanos(time)));
	}

	@Override
	public boolean awaitUntil(Date deadline) throws InterruptedException {
		return awaitSignal(Math.max(0, TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis())));
	}

	@Override
	public boolean waitFor(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException {
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		boolean result = predicate.getAsBoolean();
		while (!result) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				break;
			}
			awaitSignal(remaining);
			result = predicate.getAsBoolean();
		}
		return result;
	}

}
