package io.sharedstate.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.api.SharedObject;

/**
 * A cyclic barrier shared between processes, like
 * {@link java.util.concurrent.CyclicBarrier} and Python's {@code Barrier}: a fixed number
 * of parties wait until all have arrived, then all go on and the barrier is ready for the
 * next round.
 *
 * <p>
 * A timeout, an interrupt, {@link #abort()} or the death of a waiting process breaks the
 * barrier: every waiter gets a {@link BrokenBarrierException} (the timed-out one a
 * {@link TimeoutException}, the interrupted one an {@link InterruptedException}), and so
 * does every later arrival until {@link #reset()}. An action given when obtaining the
 * barrier runs in the last-arriving process, on its arriving thread, before the others
 * are released; if it throws, the barrier breaks.
 */
public interface SharedBarrier extends SharedObject {

	/**
	 * Waits until all parties have arrived.
	 * @return the arrival index: {@code parties() - 1} for the first, 0 for the last
	 * @throws InterruptedException if interrupted while waiting (the barrier breaks)
	 * @throws BrokenBarrierException if the barrier is or becomes broken
	 */
	int await() throws InterruptedException, BrokenBarrierException;

	/**
	 * Waits until all parties have arrived or the time runs out.
	 * @param timeout the longest wait
	 * @param unit its unit
	 * @return the arrival index
	 * @throws InterruptedException if interrupted while waiting (the barrier breaks)
	 * @throws BrokenBarrierException if the barrier is or becomes broken
	 * @throws TimeoutException if the time ran out (the barrier breaks)
	 */
	int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException;

	/**
	 * Breaks the barrier for everyone waiting and starts a fresh round.
	 */
	void reset();

	/**
	 * Breaks the barrier: every waiter and every later arrival fails until
	 * {@link #reset()}.
	 */
	void abort();

	/**
	 * Returns whether the barrier is broken.
	 * @return whether it is broken
	 */
	boolean isBroken();

	/**
	 * Returns how many parties must arrive.
	 * @return the parties
	 */
	int parties();

	/**
	 * Returns how many parties are waiting now.
	 * @return the count
	 */
	int numberWaiting();

	/**
	 * Returns a view of this barrier whose awaits, in this process, run an action when
	 * they trip the barrier, like the action of a
	 * {@link java.util.concurrent.CyclicBarrier} or of Python's
	 * {@code Barrier(parties, action)}: the party arriving last runs it once per trip,
	 * before any party goes on; if it throws, the barrier breaks.
	 * @param action the action, or {@code null} for none
	 * @return the view
	 */
	SharedBarrier withAction(Runnable action);

}
