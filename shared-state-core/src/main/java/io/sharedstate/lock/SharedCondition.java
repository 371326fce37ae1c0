package io.sharedstate.lock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

import io.sharedstate.api.SharedObject;

/**
 * A condition shared between processes, bound to one shared lock, like Python's
 * {@code Condition(lock)}. Waiting releases the lock, parks on the server until signalled
 * (or the time runs out, or the thread is interrupted) and takes the lock back before
 * returning, as {@link Condition} requires. Signals wake waiters in the order they
 * started waiting.
 */
public interface SharedCondition extends Condition, SharedObject {

	/**
	 * Waits until the predicate is true, like Python's {@code Condition.wait_for}. The
	 * calling thread must hold the lock; the predicate is tested while holding it, before
	 * each wait.
	 * @param predicate the condition to wait for
	 * @param timeout the longest total wait
	 * @param unit its unit
	 * @return the predicate's last result ({@code false} means the time ran out)
	 * @throws InterruptedException if interrupted while waiting (the lock is held again)
	 */
	boolean waitFor(BooleanSupplier predicate, long timeout, TimeUnit unit) throws InterruptedException;

	/**
	 * Returns the lock this condition belongs to.
	 * @return the lock
	 */
	SharedLock lock();

}
