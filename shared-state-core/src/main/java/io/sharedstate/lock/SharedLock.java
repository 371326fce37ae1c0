package io.sharedstate.lock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import io.sharedstate.api.SharedObject;

/**
 * A lock shared between processes. {@code lock(name)} is not reentrant, like Python's
 * {@code Lock}: a second {@link #lock()} by the holder waits (and {@link #tryLock()}
 * fails); {@code rlock(name)} is reentrant, like {@code RLock} and
 * {@link java.util.concurrent.locks.ReentrantLock}.
 *
 * <p>
 * A lock belongs to a thread of a process. Waiters are served first come, first served;
 * {@link #tryLock()} takes a free lock even when others wait. If the holding process dies
 * (or stays disconnected longer than the server's grace period), the server releases the
 * lock, and the next holder sees {@link #holderDied()} return {@code true}, like a POSIX
 * robust mutex, so it can repair what the lock protected.
 *
 * <p>
 * {@link #unlock()} does not wait for the server: the process knows which of its threads
 * hold the lock, so an unlock by a non-holder fails at once with
 * {@link IllegalMonitorStateException}, and the release travels without a round trip.
 * Re-entering a reentrant lock costs no round trip either.
 */
public interface SharedLock extends Lock, SharedObject {

	/**
	 * Returns whether any thread of any process holds the lock.
	 * @return whether the lock is held
	 */
	boolean isLocked();

	/**
	 * Returns whether the calling thread holds the lock, as far as this process knows: it
	 * turns {@code false} once this process learns, at its next contact with the manager,
	 * that the manager ended its session and took the lock away. See {@link #stillHeld()}
	 * to ask the manager.
	 * @return whether this thread is the holder
	 */
	boolean isHeldByCurrentThread();

	/**
	 * Returns whether the calling thread got the lock from a holder that died holding it.
	 * The state the lock protects may be half-updated; check and repair it before relying
	 * on it.
	 * @return whether the previous holder died while holding the lock
	 * @throws IllegalMonitorStateException if the calling thread does not hold the lock
	 */
	boolean holderDied();

	/**
	 * Acquires the lock, waiting if needed, unless the thread is interrupted. An
	 * interrupt cancels the wait on the server; no lock is left held.
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Override
	void lockInterruptibly() throws InterruptedException;

	/**
	 * Acquires the lock if it becomes free within the time. The timeout is honoured on
	 * the server.
	 * @param time the longest wait
	 * @param unit the unit of {@code time}
	 * @return whether the lock was acquired
	 * @throws InterruptedException if interrupted while waiting; no lock is left held
	 */
	@Override
	boolean tryLock(long time, TimeUnit unit) throws InterruptedException;

	/**
	 * Returns this lock's condition, shared across processes under the name
	 * {@code <lock name>.condition}. Every call returns the same condition; for more
	 * conditions on one lock, use the manager's {@code condition(name, lock)}.
	 * @return the condition
	 */
	/**
	 * Asks the manager whether the calling thread's hold is still current: {@code false}
	 * when the thread does not hold the lock, or when the manager took it away because
	 * this process's session ended (it was out of touch for longer than the grace
	 * period). One round trip; a check before a write narrows, but does not close, the
	 * window in which another holder can write too — {@link #fenced} views close it.
	 * @return whether the hold is current
	 */
	boolean stillHeld();

	/**
	 * Returns a view of another shared object of the same manager whose every call is
	 * applied only while the calling thread's current hold of this lock is still current,
	 * checked where the lock lives, atomically with the call: once the manager ended this
	 * process's session and let another process take the lock, the view's calls fail with
	 * {@link LockLostException} instead of writing beside the new holder. This is the
	 * fencing token of Kleppmann's argument, applied by the manager itself. The view is
	 * bound to the hold it was made under: make it inside the critical section and use it
	 * there. Only calls that do not wait can be fenced.
	 * @param <T> the object's type
	 * @param object the object to guard, such as a {@link io.sharedstate.dict.SharedDict}
	 * @return the fenced view
	 * @throws IllegalMonitorStateException if the calling thread does not hold this lock
	 */
	<T extends io.sharedstate.api.SharedObject> T fenced(T object);

	@Override
	Condition newCondition();

}
