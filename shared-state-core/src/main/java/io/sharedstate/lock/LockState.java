package io.sharedstate.lock;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sharedstate.model.BlockingState;
import io.sharedstate.model.Fence;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Parked;
import io.sharedstate.model.Transition;
import io.sharedstate.model.WaitQueue;

/**
 * The state of a lock and of its conditions: who holds it (a thread of a session), how
 * many times, who waits for it first come first served, and who waits on each condition.
 * Every grant carries a fence that grows with each new holder, so a late or repeated
 * release of an earlier hold is recognised and ignored, and a write fenced by an earlier
 * grant is refused.
 *
 * <p>
 * A condition wait gives up every hold and parks on the condition; a signal (or the
 * wait's timeout) moves it to the lock's queue, and it is woken only once it holds the
 * lock again.
 */
final class LockState implements BlockingState, Fence, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final boolean reentrant;

	private final WaitQueue waiters = new WaitQueue();

	private final Map<String, WaitQueue> conditions = new LinkedHashMap<>();

	private Owner holder;

	private int holds;

	private long fence;

	private boolean holderDied;

	private long heldSinceMillis;

	LockState(String name, boolean reentrant) {
		this.name = name;
		this.reentrant = reentrant;
	}

	/**
	 * Acquires the lock.
	 * @return the grant ({@link LockGrants}), {@code null} if only trying and it is
	 * taken, or {@link Transition#PARKED}
	 */
	Object acquire(Owner owner, long timeoutNanos, Transition transition) {
		if (this.holder == null && (this.waiters.isEmpty() || timeoutNanos == 0)) {
			return grantTo(owner, transition);
		}
		if (this.reentrant && owner.equals(this.holder)) {
			this.holds++;
			return LockGrants.grant(this.fence, false);
		}
		if (timeoutNanos == 0) {
			return null;
		}
		this.waiters.add(transition.park(owner, null, timeoutNanos));
		return Transition.PARKED;
	}

	private long grantTo(Owner owner, Transition transition) {
		this.heldSinceMillis = transition.currentTimeMillis();
		this.holder = owner;
		this.holds = 1;
		this.fence++;
		long grant = LockGrants.grant(this.fence, this.holderDied);
		this.holderDied = false;
		return grant;
	}

	/**
	 * Releases one hold.
	 * @param fence the fence of the hold, or 0 for whatever hold the owner has
	 * @return whether a hold was released; {@code false} when the hold is stale (the lock
	 * was taken from the owner because its session ended)
	 * @throws IllegalMonitorStateException if the owner does not hold the lock at all
	 */
	boolean release(Owner owner, long fence, Transition transition) {
		if (!owner.equals(this.holder) || (fence != 0 && fence != this.fence)) {
			if (fence != 0) {
				return false;
			}
			throw notHeld();
		}
		if (--this.holds > 0) {
			return true;
		}
		handOver(transition);
		return true;
	}

	/** Frees the lock and grants it to the first waiter, if any. */
	private void handOver(Transition transition) {
		this.holder = null;
		this.holds = 0;
		Parked next = this.waiters.poll();
		if (next != null) {
			long grant = grantTo(next.owner(), transition);
			transition.wake(next, (next.request() instanceof Reacquire reacquire) ? reacquire.awakening(grant) : grant);
		}
	}

	/**
	 * Waits on a condition: gives up every hold and parks until signalled or timed out.
	 */
	Object await(String condition, Owner owner, long timeoutNanos, Transition transition) {
		if (!owner.equals(this.holder)) {
			throw notHeld();
		}
		handOver(transition);
		Parked parked = transition.park(owner, condition, Math.max(timeoutNanos, -1));
		this.conditions.computeIfAbsent(condition, (key) -> new WaitQueue()).add(parked);
		return Transition.PARKED;
	}

	Object signal(String condition, Owner owner, boolean all) {
		if (!owner.equals(this.holder)) {
			throw new IllegalMonitorStateException(
					"Signalling needs the lock '" + this.name + "', which this thread does not hold");
		}
		WaitQueue waiting = this.conditions.get(condition);
		if (waiting != null) {
			for (Parked parked = waiting.poll(); parked != null; parked = all ? waiting.poll() : null) {
				requeue(parked, true);
			}
		}
		return null;
	}

	/**
	 * Moves a condition waiter to the lock's queue: the signaller holds the lock, so the
	 * waiter gets it after the threads already waiting for it.
	 */
	private void requeue(Parked parked, boolean signalled) {
		this.waiters.add(new Parked(parked.id(), parked.owner(), new Reacquire(signalled)));
	}

	int conditionWaiting(String condition) {
		WaitQueue waiting = this.conditions.get(condition);
		return (waiting != null) ? waiting.size() : 0;
	}

	boolean isLocked() {
		return this.holder != null;
	}

	@Override
	public boolean isCurrent(Owner owner, long fence) {
		return owner.equals(this.holder) && fence == this.fence;
	}

	@Override
	public RuntimeException lost() {
		return LockLostException.of(this.name);
	}

	int waiting() {
		return this.waiters.size();
	}

	String name() {
		return this.name;
	}

	boolean isReentrant() {
		return this.reentrant;
	}

	@Override
	public void expire(long waitId, Transition transition) {
		for (Parked parked : this.waiters) {
			if (parked.id() == waitId) {
				if (!(parked.request() instanceof Reacquire)) {
					this.waiters.remove(waitId);
					transition.wake(parked, null);
				}
				// A condition waiter that is taking its lock back waits for it however
				// long.
				return;
			}
		}
		for (WaitQueue waiting : this.conditions.values()) {
			Parked parked = waiting.remove(waitId);
			if (parked != null) {
				if (this.holder == null && this.waiters.isEmpty()) {
					transition.wake(parked, new Reacquire(false).awakening(grantTo(parked.owner(), transition)));
				}
				else {
					requeue(parked, false);
				}
				return;
			}
		}
	}

	@Override
	public boolean cancel(long waitId, Transition transition) {
		for (WaitQueue waiting : this.conditions.values()) {
			if (waiting.remove(waitId) != null) {
				return true;
			}
		}
		for (Parked parked : this.waiters) {
			if (parked.id() == waitId) {
				if (parked.request() instanceof Reacquire) {
					return false;
				}
				this.waiters.remove(waitId);
				return true;
			}
		}
		return false;
	}

	@Override
	public void giveBack(Operation operation, Object[] args, Object result, Transition transition) {
		if (result instanceof Long wire) {
			long grant = (operation == LockOperation.ACQUIRE) ? wire : LockGrants.grantOf(wire);
			release(transition.owner((Long) args[0], null), LockGrants.fenceOf(grant), transition);
		}
	}

	@Override
	public void sessionEnded(long session, Transition transition) {
		this.waiters.removeSession(session).forEach((parked) -> transition.wake(parked, null));
		this.conditions.values()
			.forEach((waiting) -> waiting.removeSession(session).forEach((parked) -> transition.wake(parked, null)));
		if (this.holder != null && this.holder.session() == session) {
			this.holderDied = true;
			handOver(transition);
		}
	}

	Map<String, Object> describe(java.util.function.LongFunction<String> processes, boolean reentrant) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("locked", this.holder != null);
		if (this.holder != null) {
			state.put("holder", processes.apply(this.holder.session()));
			state.put("thread",
					(this.holder.threadName() != null) ? this.holder.threadName() : "thread " + this.holder.thread());
			state.put("since", java.time.Instant.ofEpochMilli(this.heldSinceMillis).toString());
			if (reentrant) {
				state.put("holds", this.holds);
			}
			state.put("fence", this.fence);
		}
		state.put("waiting", this.waiters.size());
		return state;
	}

	private IllegalMonitorStateException notHeld() {
		return new IllegalMonitorStateException("The lock '" + this.name + "' is not held by this thread");
	}

	/**
	 * The request of a condition waiter taking its lock back.
	 *
	 * @param signalled whether it was signalled (else its wait timed out)
	 */
	record Reacquire(boolean signalled) implements Serializable {

		long awakening(long grant) {
			return LockGrants.awakening(grant, this.signalled);
		}

	}

}
