package io.sharedstate.barrier;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * Turns a barrier wait's result into the arrival index or the exception
 * {@link java.util.concurrent.CyclicBarrier} would throw, and runs the action when this
 * thread arrived last.
 */
abstract class BarrierOutcomes implements SharedBarrier {

	private final Runnable action;

	BarrierOutcomes(Runnable action) {
		this.action = action;
	}

	boolean hasAction() {
		return this.action != null;
	}

	/**
	 * Reports to the barrier whether the action succeeded.
	 * @param succeeded whether it returned normally
	 */
	abstract void actionDone(boolean succeeded);

	int outcome(int result) throws BrokenBarrierException, TimeoutException {
		if (result == BarrierState.BROKEN) {
			throw new BrokenBarrierException();
		}
		if (result == BarrierState.TIMED_OUT) {
			throw new TimeoutException("Not every party of " + this + " arrived in time; the barrier is now broken");
		}
		if (result == BarrierState.RUN_ACTION) {
			try {
				this.action.run();
			}
			catch (RuntimeException | Error ex) {
				actionDone(false);
				throw ex;
			}
			actionDone(true);
			return 0;
		}
		return result;
	}

	@Override
	public String toString() {
		return "barrier '" + name() + "'";
	}

}
