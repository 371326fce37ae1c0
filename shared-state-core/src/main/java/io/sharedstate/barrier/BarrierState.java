package io.sharedstate.barrier;

import java.io.Serial;
import java.io.Serializable;

import io.sharedstate.model.BlockingState;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Parked;
import io.sharedstate.model.Reopenable;
import io.sharedstate.model.Transition;
import io.sharedstate.model.WaitQueue;

/**
 * The state of a cyclic barrier, with {@link java.util.concurrent.CyclicBarrier}'s
 * semantics: each trip lets exactly {@code parties} through; the party arriving last runs
 * the action (in its own process) once per trip, and threads arriving while it runs count
 * towards the next trip. A party that times out, stops waiting (interrupted, or its
 * connection was lost) or whose process is gone breaks the barrier for the others, and
 * the others are told which and why.
 *
 * <p>
 * Results: a party's arrival index ({@code parties - 1} for the first, 0 for the last);
 * {@link #RUN_ACTION} for the last party when there is an action; {@link #TIMED_OUT}; or,
 * when the barrier is broken, the text saying why.
 */
final class BarrierState implements BlockingState, Reopenable, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final int TIMED_OUT = -2;

	static final int RUN_ACTION = -3;

	private final String name;

	private final int parties;

	/** Parties of this trip waiting for it; each request is its arrival index. */
	private final WaitQueue waiters = new WaitQueue();

	/**
	 * Parties that arrived while the action ran, for the next trip; each request is
	 * whether its process has an action.
	 */
	private final WaitQueue early = new WaitQueue();

	private int arrived;

	private String broken;

	private Owner actionRunner;

	BarrierState(String name, int parties) {
		if (parties <= 0) {
			throw new IllegalArgumentException("A barrier needs at least one party, not " + parties);
		}
		this.name = name;
		this.parties = parties;
	}

	@Override
	public void reopened(Object initial) {
		if (initial instanceof Integer asked && asked != this.parties) {
			throw new IllegalArgumentException(
					"Barrier '" + this.name + "' exists with " + this.parties + " parties, not " + asked);
		}
	}

	Object await(Owner owner, long timeoutNanos, boolean hasAction, Transition transition) {
		if (this.broken != null) {
			return this.broken;
		}
		if (this.actionRunner != null) {
			this.early.add(transition.park(owner, hasAction, timeoutNanos));
			return Transition.PARKED;
		}
		int index = this.parties - 1 - this.arrived;
		this.arrived++;
		if (index > 0) {
			if (timeoutNanos == 0) {
				breakFor("a party of " + transition.processOf(owner.session()) + " timed out", transition);
				return TIMED_OUT;
			}
			this.waiters.add(transition.park(owner, index, timeoutNanos));
			return Transition.PARKED;
		}
		if (hasAction) {
			this.actionRunner = owner;
			return RUN_ACTION;
		}
		trip(transition);
		return 0;
	}

	Object actionDone(Owner owner, boolean succeeded, Transition transition) {
		if (owner.equals(this.actionRunner)) {
			this.actionRunner = null;
			if (succeeded) {
				trip(transition);
			}
			else {
				breakFor("the barrier action failed in " + transition.processOf(owner.session()), transition);
			}
		}
		return null;
	}

	/** Lets this trip's parties through, then counts the early arrivals for the next. */
	private void trip(Transition transition) {
		this.arrived = 0;
		for (Parked parked : this.waiters.pollAll()) {
			transition.wake(parked, parked.request());
		}
		while (this.actionRunner == null && this.broken == null && !this.early.isEmpty()) {
			Parked next = this.early.poll();
			int index = this.parties - 1 - this.arrived;
			this.arrived++;
			if (index > 0) {
				this.waiters.add(new Parked(next.id(), next.owner(), index));
			}
			else if (Boolean.TRUE.equals(next.request())) {
				this.actionRunner = next.owner();
				transition.wake(next, RUN_ACTION);
			}
			else {
				transition.wake(next, 0);
				this.arrived = 0;
				for (Parked parked : this.waiters.pollAll()) {
					transition.wake(parked, parked.request());
				}
			}
		}
	}

	private void breakFor(String reason, Transition transition) {
		this.broken = "Barrier '" + this.name + "' is broken: " + reason;
		releaseAll(this.broken, transition);
	}

	private void releaseAll(String outcome, Transition transition) {
		this.arrived = 0;
		this.actionRunner = null;
		this.waiters.pollAll().forEach((parked) -> transition.wake(parked, outcome));
		this.early.pollAll().forEach((parked) -> transition.wake(parked, outcome));
	}

	Object reset(Transition transition) {
		releaseAll("Barrier '" + this.name + "' was reset while this party waited", transition);
		this.broken = null;
		return null;
	}

	Object abort(Owner owner, Transition transition) {
		breakFor("it was aborted by " + transition.processOf(owner.session()), transition);
		return null;
	}

	boolean isBroken() {
		return this.broken != null;
	}

	int parties() {
		return this.parties;
	}

	int waiting() {
		return this.waiters.size() + this.early.size();
	}

	private Parked withdraw(long waitId) {
		Parked parked = this.waiters.remove(waitId);
		return (parked != null) ? parked : this.early.remove(waitId);
	}

	@Override
	public void expire(long waitId, Transition transition) {
		Parked parked = withdraw(waitId);
		if (parked != null) {
			transition.wake(parked, TIMED_OUT);
			breakFor("a party of " + transition.processOf(parked.owner().session()) + " timed out", transition);
		}
	}

	@Override
	public boolean cancel(long waitId, Transition transition) {
		Parked parked = withdraw(waitId);
		if (parked == null) {
			return false;
		}
		breakFor("a waiting party of " + transition.processOf(parked.owner().session())
				+ " stopped waiting (it was interrupted, or its connection was lost)", transition);
		return true;
	}

	@Override
	public void giveBack(Operation operation, Object[] args, Object result, Transition transition) {
		if (operation == BarrierOperation.AWAIT && Integer.valueOf(RUN_ACTION).equals(result)) {
			actionDone(transition.owner((Long) args[0], null), false, transition);
		}
	}

	@Override
	public void sessionEnded(long session, Transition transition) {
		boolean involved = !this.waiters.removeSession(session).isEmpty() | !this.early.removeSession(session).isEmpty()
				|| (this.actionRunner != null && this.actionRunner.session() == session);
		if (involved) {
			breakFor("a party's process (" + transition.processOf(session) + ") is gone", transition);
		}
	}

}
