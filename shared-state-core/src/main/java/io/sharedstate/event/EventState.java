package io.sharedstate.event;

import java.io.Serial;
import java.io.Serializable;

import io.sharedstate.model.BlockingState;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Transition;
import io.sharedstate.model.WaitQueue;

/**
 * The state of an event: a flag, and who waits for it to be set.
 */
final class EventState implements BlockingState, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final WaitQueue waiters = new WaitQueue();

	private boolean flag;

	Object set(Transition transition) {
		this.flag = true;
		this.waiters.pollAll().forEach((parked) -> transition.wake(parked, true));
		return null;
	}

	Object clear() {
		this.flag = false;
		return null;
	}

	boolean isSet() {
		return this.flag;
	}

	int waiting() {
		return this.waiters.size();
	}

	Object await(Owner owner, long timeoutNanos, Transition transition) {
		if (this.flag || timeoutNanos == 0) {
			return this.flag;
		}
		this.waiters.add(transition.park(owner, null, timeoutNanos));
		return Transition.PARKED;
	}

	@Override
	public void expire(long waitId, Transition transition) {
		var parked = this.waiters.remove(waitId);
		if (parked != null) {
			transition.wake(parked, false);
		}
	}

	@Override
	public boolean cancel(long waitId, Transition transition) {
		return this.waiters.remove(waitId) != null;
	}

	@Override
	public void giveBack(Operation operation, Object[] args, Object result, Transition transition) {
		// Nothing is taken by waiting for an event.
	}

	@Override
	public void sessionEnded(long session, Transition transition) {
		this.waiters.removeSession(session).forEach((parked) -> transition.wake(parked, false));
	}

}
