package io.sharedstate.semaphore;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import io.sharedstate.model.BlockingState;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Parked;
import io.sharedstate.model.Transition;
import io.sharedstate.model.WaitQueue;

/**
 * The state of a semaphore: the permits available (negative until releases bring them up,
 * as with {@link java.util.concurrent.Semaphore}), who waits for how many, first come
 * first served, and how many each session holds, which go back when the session ends. A
 * bounded semaphore refuses releases above its initial permits, like Python's
 * {@code BoundedSemaphore}.
 */
final class SemaphoreState implements BlockingState, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final int bound;

	private final WaitQueue waiters = new WaitQueue();

	private final Map<Long, Integer> heldBySession = new HashMap<>();

	private int permits;

	SemaphoreState(String name, int permits, boolean bounded) {
		if (bounded && permits < 0) {
			throw new IllegalArgumentException(
					"A bounded semaphore cannot start with " + permits + " permits: its bound is its initial permits");
		}
		this.name = name;
		this.permits = permits;
		this.bound = bounded ? permits : -1;
	}

	/**
	 * Acquires permits.
	 * @return the permits taken, {@code null} if only trying and too few are free, or
	 * {@link Transition#PARKED}
	 */
	Object acquire(Owner owner, int count, long timeoutNanos, Transition transition) {
		if (count < 0) {
			throw new IllegalArgumentException("Cannot acquire " + count + " permits");
		}
		if (this.permits >= count && (this.waiters.isEmpty() || timeoutNanos == 0)) {
			return take(owner.session(), count);
		}
		if (timeoutNanos == 0) {
			return null;
		}
		this.waiters.add(transition.park(owner, count, timeoutNanos));
		return Transition.PARKED;
	}

	private int take(long session, int count) {
		this.permits -= count;
		this.heldBySession.merge(session, count, Integer::sum);
		return count;
	}

	Object release(long session, int count, Transition transition) {
		if (count < 0) {
			throw new IllegalArgumentException("Cannot release " + count + " permits");
		}
		if (this.bound >= 0 && this.permits + count > this.bound) {
			throw new IllegalStateException(
					"The bounded semaphore '" + this.name + "' was released more often " + "than it was acquired: "
							+ this.permits + " + " + count + " permits would exceed its " + this.bound);
		}
		this.heldBySession.computeIfPresent(session, (key, held) -> (held > count) ? held - count : null);
		this.permits += count;
		serveWaiters(transition);
		return null;
	}

	private void serveWaiters(Transition transition) {
		for (Parked first = this.waiters.first(); first != null
				&& first.<Integer>requested() <= this.permits; first = this.waiters.first()) {
			this.waiters.poll();
			transition.wake(first, take(first.owner().session(), first.requested()));
		}
	}

	int available() {
		return this.permits;
	}

	int waiting() {
		return this.waiters.size();
	}

	int drain(long session) {
		int drained = Math.max(0, this.permits);
		if (drained > 0) {
			take(session, drained);
		}
		return drained;
	}

	@Override
	public void expire(long waitId, Transition transition) {
		Parked parked = this.waiters.remove(waitId);
		if (parked != null) {
			transition.wake(parked, null);
			// A large request that leaves may let smaller ones behind it through.
			serveWaiters(transition);
		}
	}

	@Override
	public boolean cancel(long waitId, Transition transition) {
		if (this.waiters.remove(waitId) == null) {
			return false;
		}
		serveWaiters(transition);
		return true;
	}

	@Override
	public void giveBack(Operation operation, Object[] args, Object result, Transition transition) {
		if (operation == SemaphoreOperation.ACQUIRE && result instanceof Integer count) {
			release(transition.session(), count, transition);
		}
	}

	@Override
	public void sessionEnded(long session, Transition transition) {
		this.waiters.removeSession(session).forEach((parked) -> transition.wake(parked, null));
		Integer held = this.heldBySession.remove(session);
		if (held != null) {
			this.permits = (this.bound >= 0) ? Math.min(this.bound, this.permits + held) : this.permits + held;
		}
		serveWaiters(transition);
	}

}
