package io.sharedstate.queue;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.sharedstate.model.BlockingState;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Parked;
import io.sharedstate.model.Transition;
import io.sharedstate.model.WaitQueue;
import io.sharedstate.snapshot.Snapshots;

/**
 * The state of a FIFO queue: its items (stored as snapshots), the capacity, who waits to
 * take and to put, first come first served, and the count of unfinished tasks that
 * {@code join} waits for. An item handed to a taker that did not get it is put back at
 * the head.
 */
final class QueueState implements BlockingState, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final int capacity;

	private final ArrayDeque<Object> items = new ArrayDeque<>();

	private final WaitQueue takers = new WaitQueue();

	/** Putters waiting for room; each request is the item it puts. */
	private final WaitQueue putters = new WaitQueue();

	private final WaitQueue joiners = new WaitQueue();

	private int unfinished;

	QueueState(String name, int maxsize) {
		if (maxsize < 0) {
			throw new IllegalArgumentException("A queue's maxsize must be 0 (unbounded) or more, not " + maxsize);
		}
		this.name = name;
		this.capacity = (maxsize == 0) ? Integer.MAX_VALUE : maxsize;
	}

	Object offer(Owner owner, Object item, long timeoutNanos, Transition transition) {
		if (item == null) {
			throw new NullPointerException("A shared queue does not hold null");
		}
		Object stored = Snapshots.of(item);
		if (this.items.size() >= this.capacity || !this.putters.isEmpty()) {
			if (timeoutNanos == 0) {
				return false;
			}
			this.putters.add(transition.park(owner, stored, timeoutNanos));
			return Transition.PARKED;
		}
		this.unfinished++;
		hand(stored, transition);
		return true;
	}

	/** Gives an item to the first waiting taker, or keeps it at the tail. */
	private void hand(Object item, Transition transition) {
		Parked taker = this.takers.poll();
		if (taker != null) {
			transition.wake(taker, item);
		}
		else {
			this.items.addLast(item);
		}
	}

	Object poll(Owner owner, long timeoutNanos, Transition transition) {
		Object item = this.items.pollFirst();
		if (item == null) {
			if (timeoutNanos == 0) {
				return null;
			}
			this.takers.add(transition.park(owner, null, timeoutNanos));
			return Transition.PARKED;
		}
		admitPutters(transition);
		return item;
	}

	private void admitPutters(Transition transition) {
		while (this.items.size() < this.capacity) {
			Parked putter = this.putters.poll();
			if (putter == null) {
				return;
			}
			this.unfinished++;
			hand(putter.request(), transition);
			transition.wake(putter, true);
		}
	}

	List<Object> drain(int max, Transition transition) {
		List<Object> drained = new ArrayList<>();
		while (drained.size() < max && !this.items.isEmpty()) {
			drained.add(this.items.pollFirst());
		}
		admitPutters(transition);
		return drained;
	}

	private void requeue(Object item, Transition transition) {
		Parked taker = this.takers.poll();
		if (taker != null) {
			transition.wake(taker, item);
		}
		else {
			this.items.addFirst(item);
		}
	}

	Object peek() {
		return this.items.peekFirst();
	}

	int size() {
		return this.items.size();
	}

	int remainingCapacity() {
		return (this.capacity == Integer.MAX_VALUE) ? Integer.MAX_VALUE : this.capacity - this.items.size();
	}

	List<Object> snapshot() {
		return Snapshots.list(this.items);
	}

	Collection<Object> items() {
		return this.items;
	}

	boolean contains(Object item) {
		return this.items.contains(item);
	}

	boolean remove(Object item, Transition transition) {
		boolean removed = this.items.removeFirstOccurrence(item);
		if (removed) {
			admitPutters(transition);
		}
		return removed;
	}

	boolean removeAll(Collection<?> items, boolean retain, Transition transition) {
		boolean changed = this.items.removeIf((item) -> items.contains(item) != retain);
		admitPutters(transition);
		return changed;
	}

	Object clear(Transition transition) {
		this.items.clear();
		admitPutters(transition);
		return null;
	}

	int waitingTakers() {
		return this.takers.size();
	}

	int waitingPutters() {
		return this.putters.size();
	}

	Object taskDone(Transition transition) {
		if (this.unfinished == 0) {
			throw new IllegalStateException(
					"taskDone() on queue '" + this.name + "' was called more times than items were put");
		}
		if (--this.unfinished == 0) {
			this.joiners.pollAll().forEach((parked) -> transition.wake(parked, true));
		}
		return null;
	}

	Object join(Owner owner, long timeoutNanos, Transition transition) {
		if (this.unfinished == 0 || timeoutNanos == 0) {
			return this.unfinished == 0;
		}
		this.joiners.add(transition.park(owner, null, timeoutNanos));
		return Transition.PARKED;
	}

	int unfinished() {
		return this.unfinished;
	}

	@Override
	public void expire(long waitId, Transition transition) {
		Parked taker = this.takers.remove(waitId);
		if (taker != null) {
			transition.wake(taker, null);
			return;
		}
		Parked other = this.putters.remove(waitId);
		if (other == null) {
			other = this.joiners.remove(waitId);
		}
		if (other != null) {
			transition.wake(other, false);
		}
	}

	@Override
	public boolean cancel(long waitId, Transition transition) {
		return this.takers.remove(waitId) != null || this.putters.remove(waitId) != null
				|| this.joiners.remove(waitId) != null;
	}

	@Override
	public void giveBack(Operation operation, Object[] args, Object result, Transition transition) {
		if (operation == QueueOperation.POLL && result != null) {
			requeue(result, transition);
		}
		else if (operation == QueueOperation.DRAIN && result instanceof List<?> drained) {
			for (int i = drained.size() - 1; i >= 0; i--) {
				requeue(drained.get(i), transition);
			}
		}
	}

	@Override
	public void sessionEnded(long session, Transition transition) {
		this.takers.removeSession(session).forEach((parked) -> transition.wake(parked, null));
		this.putters.removeSession(session).forEach((parked) -> transition.wake(parked, false));
		this.joiners.removeSession(session).forEach((parked) -> transition.wake(parked, false));
	}

}
