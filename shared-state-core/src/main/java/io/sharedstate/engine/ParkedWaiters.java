package io.sharedstate.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The first-come first-served queue of waits parked on one shared object. Every method
 * but {@link Waiter#cancel} is called under the object's monitor; waiters are completed
 * outside it. A timed wait is ended by the engine's timer, which hands it to the object's
 * timeout handler.
 *
 * @param <T> what a wait yields
 */
public final class ParkedWaiters<T> {

	private final Object monitor;

	private final ScheduledExecutorService timer;

	private final ArrayDeque<Waiter<T>> waiters = new ArrayDeque<>();

	private final Consumer<Waiter<T>> onTimeout;

	private final Consumer<Waiter<T>> onCancel;

	/**
	 * Creates a queue.
	 * @param monitor the object whose monitor guards the queue
	 * @param timer ends timed waits
	 * @param onTimeout called, outside the monitor, with a waiter whose time ran out; it
	 * has been removed and must be completed by the handler
	 * @param onCancel called, outside the monitor, after a waiter was cancelled
	 */
	public ParkedWaiters(Object monitor, ScheduledExecutorService timer, Consumer<Waiter<T>> onTimeout,
			Consumer<Waiter<T>> onCancel) {
		this.monitor = monitor;
		this.timer = timer;
		this.onTimeout = onTimeout;
		this.onCancel = onCancel;
	}

	Object monitor() {
		return this.monitor;
	}

	/**
	 * Parks a new waiter at the back of the queue.
	 * @param owner who waits
	 * @param request what it asks for
	 * @param timeoutNanos how long it may wait; negative for ever
	 * @return the waiter, to return to the caller as the pending result
	 */
	public Waiter<T> park(Owner owner, Object request, long timeoutNanos) {
		Waiter<T> waiter = new Waiter<>(this, owner, request);
		this.waiters.addLast(waiter);
		if (timeoutNanos >= 0) {
			this.timer.schedule(() -> expire(waiter), timeoutNanos, TimeUnit.NANOSECONDS);
		}
		return waiter;
	}

	private void expire(Waiter<T> waiter) {
		synchronized (this.monitor) {
			if (!withdraw(waiter)) {
				return;
			}
		}
		this.onTimeout.accept(waiter);
	}

	/**
	 * Removes a waiter that is still waiting and marks it settled.
	 * @param waiter the waiter
	 * @return whether it was still waiting
	 */
	boolean withdraw(Waiter<T> waiter) {
		if (!waiter.settle()) {
			return false;
		}
		this.waiters.remove(waiter);
		return true;
	}

	void cancelled(Waiter<T> waiter) {
		this.onCancel.accept(waiter);
	}

	/**
	 * Returns the first waiter without removing it.
	 * @return the waiter, or {@code null}
	 */
	public Waiter<T> first() {
		return this.waiters.peekFirst();
	}

	/**
	 * Removes and settles the first waiter; complete it after leaving the monitor.
	 * @return the waiter, or {@code null}
	 */
	public Waiter<T> serveFirst() {
		Waiter<T> waiter = this.waiters.pollFirst();
		if (waiter != null) {
			waiter.settle();
		}
		return waiter;
	}

	/**
	 * Removes and settles every waiter; complete them after leaving the monitor.
	 * @return the waiters, first first
	 */
	public List<Waiter<T>> serveAll() {
		List<Waiter<T>> all = new ArrayList<>(this.waiters);
		this.waiters.clear();
		all.forEach(Waiter::settle);
		return all;
	}

	/**
	 * Removes and settles the waiters of a session that ended; complete them after
	 * leaving the monitor (nobody will read the result, but a future must not stay
	 * pending).
	 * @param session the ended session
	 * @return the removed waiters
	 */
	public List<Waiter<T>> removeSession(long session) {
		List<Waiter<T>> removed = new ArrayList<>();
		for (Iterator<Waiter<T>> it = this.waiters.iterator(); it.hasNext();) {
			Waiter<T> waiter = it.next();
			if (waiter.owner().session() == session) {
				it.remove();
				waiter.settle();
				removed.add(waiter);
			}
		}
		return removed;
	}

	/**
	 * Returns whether nobody waits.
	 * @return whether the queue is empty
	 */
	public boolean isEmpty() {
		return this.waiters.isEmpty();
	}

	/**
	 * Returns how many wait.
	 * @return the count
	 */
	public int size() {
		return this.waiters.size();
	}

}
