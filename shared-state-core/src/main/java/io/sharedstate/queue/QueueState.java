package io.sharedstate.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.sharedstate.codec.WireValue;
import io.sharedstate.engine.Acknowledged;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.ParkedWaiters;
import io.sharedstate.engine.Waiter;
import io.sharedstate.snapshot.Snapshots;

/**
 * The authoritative state of a queue: its items, the producers waiting for room and the
 * consumers waiting for items (each in arrival order), and for a joinable queue the count
 * of unfinished tasks and who waits for it to reach zero.
 */
final class QueueState {

	private final String name;

	private final int capacity;

	private final ArrayDeque<Object> items = new ArrayDeque<>();

	private final ParkedWaiters<Delivery> takers;

	private final ParkedWaiters<Boolean> putters;

	private final ParkedWaiters<Boolean> joiners;

	private int unfinished;

	/**
	 * Creates the state.
	 * @param name the queue's name
	 * @param maxsize the most items held, 0 for no limit
	 * @param timer ends timed waits
	 */
	QueueState(String name, int maxsize, ScheduledExecutorService timer) {
		if (maxsize < 0) {
			throw new IllegalArgumentException("A queue's maxsize must be 0 (unbounded) or more, not " + maxsize);
		}
		this.name = name;
		this.capacity = (maxsize == 0) ? Integer.MAX_VALUE : maxsize;
		this.takers = new ParkedWaiters<>(this, timer, (waiter) -> waiter.complete(null), (waiter) -> {
		});
		this.putters = new ParkedWaiters<>(this, timer, (waiter) -> waiter.complete(false), (waiter) -> {
		});
		this.joiners = new ParkedWaiters<>(this, timer, (waiter) -> waiter.complete(false), (waiter) -> {
		});
	}

	/**
	 * Puts an item at the tail.
	 * @param owner who puts
	 * @param item the item, not null
	 * @param timeoutNanos how long to wait for room: 0 not at all, negative for ever
	 * @return whether it was put; complete unless the owner waits
	 */
	CompletableFuture<Boolean> offer(Owner owner, Object item, long timeoutNanos) {
		if (item == null) {
			throw new NullPointerException("A shared queue does not hold null");
		}
		Object stored = Snapshots.of(item);
		Waiter<Delivery> taker;
		Delivery delivery;
		synchronized (this) {
			if (this.items.size() >= this.capacity || !this.putters.isEmpty()) {
				if (timeoutNanos == 0) {
					return CompletableFuture.completedFuture(false);
				}
				return this.putters.park(owner, stored, timeoutNanos);
			}
			this.unfinished++;
			taker = this.takers.serveFirst();
			if (taker == null) {
				this.items.addLast(stored);
				return CompletableFuture.completedFuture(true);
			}
			delivery = new Delivery(stored);
		}
		taker.complete(delivery);
		return CompletableFuture.completedFuture(true);
	}

	/**
	 * Takes the item at the head.
	 * @param owner who takes
	 * @param timeoutNanos how long to wait for an item: 0 not at all, negative for ever
	 * @return the delivery, or {@code null} if none came in time; complete unless the
	 * owner waits
	 */
	CompletableFuture<Delivery> poll(Owner owner, long timeoutNanos) {
		List<Runnable> completions = new ArrayList<>();
		Delivery delivery;
		synchronized (this) {
			Object item = this.items.pollFirst();
			if (item == null) {
				if (timeoutNanos == 0) {
					return CompletableFuture.completedFuture(null);
				}
				return this.takers.park(owner, null, timeoutNanos);
			}
			admitPutters(completions);
			delivery = new Delivery(item);
		}
		completions.forEach(Runnable::run);
		return CompletableFuture.completedFuture(delivery);
	}

	/** Moves waiting producers' items in while there is room; call under the monitor. */
	private void admitPutters(List<Runnable> completions) {
		while (this.items.size() < this.capacity) {
			Waiter<Boolean> putter = this.putters.serveFirst();
			if (putter == null) {
				return;
			}
			this.unfinished++;
			Waiter<Delivery> taker = this.takers.serveFirst();
			Object item = putter.request();
			if (taker != null) {
				Delivery delivery = new Delivery(item);
				completions.add(() -> taker.complete(delivery));
			}
			else {
				this.items.addLast(item);
			}
			completions.add(() -> putter.complete(true));
		}
	}

	/**
	 * Takes up to {@code max} items at once.
	 * @param max the most items to take
	 * @return the items, in order
	 */
	Delivery drain(int max) {
		List<Runnable> completions = new ArrayList<>();
		List<Object> drained = new ArrayList<>();
		synchronized (this) {
			while (drained.size() < max && !this.items.isEmpty()) {
				drained.add(this.items.pollFirst());
			}
			admitPutters(completions);
		}
		completions.forEach(Runnable::run);
		return new Delivery(drained, true);
	}

	/** Puts an item back at the head, for a taker that could not receive it. */
	private void requeue(Object item) {
		Waiter<Delivery> taker;
		synchronized (this) {
			taker = this.takers.serveFirst();
			if (taker == null) {
				this.items.addFirst(item);
				return;
			}
		}
		taker.complete(new Delivery(item));
	}

	synchronized Object peek() {
		return this.items.peekFirst();
	}

	synchronized int size() {
		return this.items.size();
	}

	synchronized int remainingCapacity() {
		return (this.capacity == Integer.MAX_VALUE) ? Integer.MAX_VALUE : this.capacity - this.items.size();
	}

	synchronized List<Object> snapshot() {
		return Snapshots.list(this.items);
	}

	synchronized boolean contains(Object item) {
		return this.items.contains(item);
	}

	boolean remove(Object item) {
		List<Runnable> completions = new ArrayList<>();
		boolean removed;
		synchronized (this) {
			removed = this.items.removeFirstOccurrence(item);
			if (removed) {
				admitPutters(completions);
			}
		}
		completions.forEach(Runnable::run);
		return removed;
	}

	boolean removeAll(Collection<?> items, boolean retain) {
		List<Runnable> completions = new ArrayList<>();
		boolean changed;
		synchronized (this) {
			changed = this.items.removeIf((item) -> items.contains(item) != retain);
			admitPutters(completions);
		}
		completions.forEach(Runnable::run);
		return changed;
	}

	void clear() {
		List<Runnable> completions = new ArrayList<>();
		synchronized (this) {
			this.items.clear();
			admitPutters(completions);
		}
		completions.forEach(Runnable::run);
	}

	synchronized int waitingTakers() {
		return this.takers.size();
	}

	synchronized int waitingPutters() {
		return this.putters.size();
	}

	/**
	 * Marks a task done.
	 * @throws IllegalStateException if more tasks were marked done than items were put
	 */
	void taskDone() {
		List<Waiter<Boolean>> released;
		synchronized (this) {
			if (this.unfinished == 0) {
				throw new IllegalStateException(
						"taskDone() on queue '" + this.name + "' was called more times than items were put");
			}
			if (--this.unfinished > 0) {
				return;
			}
			released = this.joiners.serveAll();
		}
		released.forEach((waiter) -> waiter.complete(true));
	}

	/**
	 * Waits for every task to be done.
	 * @param owner who waits
	 * @param timeoutNanos how long, negative for ever
	 * @return whether all were done in time
	 */
	synchronized CompletableFuture<Boolean> join(Owner owner, long timeoutNanos) {
		if (this.unfinished == 0 || timeoutNanos == 0) {
			return CompletableFuture.completedFuture(this.unfinished == 0);
		}
		return this.joiners.park(owner, null, timeoutNanos);
	}

	synchronized int unfinished() {
		return this.unfinished;
	}

	void sessionEnded(long session) {
		List<Waiter<Delivery>> takers;
		List<Waiter<Boolean>> putters;
		List<Waiter<Boolean>> joiners;
		synchronized (this) {
			takers = this.takers.removeSession(session);
			putters = this.putters.removeSession(session);
			joiners = this.joiners.removeSession(session);
		}
		takers.forEach((waiter) -> waiter.complete(null));
		putters.forEach((waiter) -> waiter.complete(false));
		joiners.forEach((waiter) -> waiter.complete(false));
	}

	/**
	 * An item (or, for a drain, a list of items) handed to a taker. Until the taker
	 * acknowledges it, it can be given back, to the head of the queue.
	 */
	final class Delivery implements Acknowledged, WireValue {

		private final Object content;

		private final boolean batch;

		private Delivery(Object content) {
			this(content, false);
		}

		private Delivery(Object content, boolean batch) {
			this.content = content;
			this.batch = batch;
		}

		Object content() {
			return this.content;
		}

		@Override
		public void revoke() {
			if (this.batch) {
				List<?> drained = (List<?>) this.content;
				for (int i = drained.size() - 1; i >= 0; i--) {
					requeue(drained.get(i));
				}
			}
			else {
				requeue(this.content);
			}
		}

		@Override
		public Object wireValue() {
			return this.content;
		}

	}

}
