package io.sharedstate.lock;

import java.io.Serial;
import java.io.Serializable;

import io.sharedstate.model.BlockingState;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Reopenable;
import io.sharedstate.model.Transition;

/**
 * The state of a condition: a part of its lock's state, under the lock's monitor, so that
 * giving up the lock and parking on the condition is one transition.
 */
final class ConditionState implements BlockingState, Reopenable, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final LockState lock;

	ConditionState(String name, Object lock) {
		if (!(lock instanceof LockState state)) {
			throw new IllegalArgumentException("Condition '" + name + "' needs a shared lock of the same manager");
		}
		this.name = name;
		this.lock = state;
	}

	Object await(Owner owner, long timeoutNanos, Transition transition) {
		return this.lock.await(this.name, owner, timeoutNanos, transition);
	}

	Object signal(Owner owner, boolean all) {
		return this.lock.signal(this.name, owner, all);
	}

	int waiting() {
		return this.lock.conditionWaiting(this.name);
	}

	/** The lock's name and whether it is reentrant. */
	java.util.List<Object> lockOf() {
		return java.util.List.of(this.lock.name(), this.lock.isReentrant());
	}

	String lockName() {
		return this.lock.name();
	}

	@Override
	public void reopened(Object initial) {
		String lockName = ((io.sharedstate.api.SharedObject) initial).name();
		if (!this.lock.name().equals(lockName)) {
			throw new IllegalArgumentException("Condition '" + this.name + "' belongs to the lock '" + this.lock.name()
					+ "', not to '" + lockName + "'; a condition is bound to the lock it was created with");
		}
	}

	@Override
	public Object monitor() {
		return this.lock;
	}

	@Override
	public void expire(long waitId, Transition transition) {
		this.lock.expire(waitId, transition);
	}

	@Override
	public boolean cancel(long waitId, Transition transition) {
		return this.lock.cancel(waitId, transition);
	}

	@Override
	public void giveBack(Operation operation, Object[] args, Object result, Transition transition) {
		this.lock.giveBack(operation, args, result, transition);
	}

	@Override
	public void sessionEnded(long session, Transition transition) {
		this.lock.sessionEnded(session, transition);
	}

}
