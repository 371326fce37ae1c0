package io.sharedstate.queue;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalWaits;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SessionBound;

/**
 * A queue hosted in this process, used directly by its threads.
 *
 * @param <E> the element type
 */
final class LocalQueue<E> extends AbstractQueue<E> implements SharedJoinableQueue<E>, SessionBound, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient SharedType type;

	private final transient QueueState state;

	LocalQueue(LocalEngine engine, String name, SharedType type, int maxsize) {
		this.engine = engine;
		this.name = name;
		this.type = type;
		this.state = new QueueState(name, maxsize, engine.timer());
	}

	QueueState state() {
		return this.state;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	private Owner owner() {
		return Owner.current(this.engine.session());
	}

	@Override
	public boolean offer(E element) {
		return this.state.offer(owner(), element, 0).join();
	}

	@Override
	public void put(E element) throws InterruptedException {
		offer(element, -1);
	}

	@Override
	public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
		return offer(element, Math.max(0, unit.toNanos(timeout)));
	}

	private boolean offer(E element, long timeoutNanos) throws InterruptedException {
		Objects.requireNonNull(element, "A shared queue does not hold null");
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		CompletableFuture<Boolean> pending = this.state.offer(owner(), element, timeoutNanos);
		try {
			return pending.get();
		}
		catch (InterruptedException ex) {
			if (!pending.cancel(false) && pending.join()) {
				// The item went in as the interrupt came: report success, keep the
				// interrupt.
				Thread.currentThread().interrupt();
				return true;
			}
			throw ex;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public E take() throws InterruptedException {
		return poll(-1);
	}

	@Override
	public E poll(long timeout, TimeUnit unit) throws InterruptedException {
		return poll(Math.max(0, unit.toNanos(timeout)));
	}

	@Override
	public E poll() {
		return content(this.state.poll(owner(), 0).join());
	}

	private E poll(long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		return content(LocalWaits.await(this.state.poll(owner(), timeoutNanos)));
	}

	@SuppressWarnings("unchecked")
	private static <T> T content(QueueState.Delivery delivery) {
		return (delivery != null) ? (T) delivery.content() : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public E peek() {
		return (E) this.state.peek();
	}

	@Override
	public int size() {
		return this.state.size();
	}

	@Override
	public int remainingCapacity() {
		return this.state.remainingCapacity();
	}

	@Override
	public boolean contains(Object o) {
		return this.state.contains(o);
	}

	@Override
	public boolean remove(Object o) {
		return this.state.remove(o);
	}

	@Override
	public boolean removeAll(Collection<?> c) {
		return this.state.removeAll(c, false);
	}

	@Override
	public boolean retainAll(Collection<?> c) {
		return this.state.removeAll(c, true);
	}

	@Override
	public void clear() {
		this.state.clear();
	}

	@Override
	public int drainTo(Collection<? super E> target) {
		return drainTo(target, Integer.MAX_VALUE);
	}

	@Override
	public int drainTo(Collection<? super E> target, int max) {
		QueueDrains.checkTarget(target, this);
		List<E> drained = content(this.state.drain(max));
		target.addAll(drained);
		return drained.size();
	}

	@Override
	@SuppressWarnings("unchecked")
	public Iterator<E> iterator() {
		return new QueueIterator<>((List<E>) this.state.snapshot(), this);
	}

	@Override
	public void taskDone() {
		this.state.taskDone();
	}

	@Override
	public void join() throws InterruptedException {
		LocalWaits.await(this.state.join(owner(), -1));
	}

	@Override
	public boolean join(long timeout, TimeUnit unit) throws InterruptedException {
		return LocalWaits.await(this.state.join(owner(), Math.max(0, unit.toNanos(timeout))));
	}

	@Override
	public int unfinishedTasks() {
		return this.state.unfinished();
	}

	@Override
	public void sessionEnded(long session) {
		this.state.sessionEnded(session);
	}

	@Override
	public String toString() {
		return this.state.snapshot().toString();
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(this.type, this.name);
	}

}
