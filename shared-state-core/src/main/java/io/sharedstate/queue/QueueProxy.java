package io.sharedstate.queue;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.Previews;

/**
 * A queue's proxy, on every engine. Taking an item is confirmed to the queue's host once
 * the item arrived, so an item whose reply was lost is put back.
 *
 * @param <E> the element type
 */
final class QueueProxy<E> extends AbstractQueue<E> implements SharedJoinableQueue<E>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient ObjectHandle handle;

	QueueProxy(ObjectHandle handle) {
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return this.handle.type();
	}

	private static long thread() {
		return Thread.currentThread().getId();
	}

	@SuppressWarnings("unchecked")
	private <T> T call(QueueOperation op, Object... args) {
		return (T) this.handle.call(op, args);
	}

	@Override
	public boolean offer(E element) {
		return call(QueueOperation.OFFER, thread(), Objects.requireNonNull(element), 0L);
	}

	@Override
	public void put(E element) throws InterruptedException {
		offer(element, null);
	}

	@Override
	public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
		return offer(element, Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	private boolean offer(E element, Duration wait) throws InterruptedException {
		Objects.requireNonNull(element, "A shared queue does not hold null");
		boolean[] putAnyway = new boolean[1];
		try {
			return (Boolean) this.handle.callBlocking(QueueOperation.OFFER, wait,
					(put) -> putAnyway[0] = Boolean.TRUE.equals(put), thread(), element,
					(wait != null) ? wait.toNanos() : -1L);
		}
		catch (InterruptedException ex) {
			if (putAnyway[0]) {
				// The item went in as the interrupt came: report success, keep the
				// interrupt.
				Thread.currentThread().interrupt();
				return true;
			}
			throw ex;
		}
	}

	@Override
	public E take() throws InterruptedException {
		return poll(null);
	}

	@Override
	public E poll(long timeout, TimeUnit unit) throws InterruptedException {
		return poll(Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	@Override
	public E poll() {
		return withoutWaiting(() -> poll(Duration.ZERO));
	}

	/**
	 * Runs a call the server answers at once, whatever the caller's interrupt status,
	 * which is kept. An interrupt that lands during the call gives the items back, and
	 * the call is made again.
	 */
	private static <T> T withoutWaiting(ImmediateCall<T> call) {
		boolean interrupted = Thread.interrupted();
		try {
			while (true) {
				try {
					return call.call();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@SuppressWarnings("unchecked")
	private E poll(Duration wait) throws InterruptedException {
		return (E) this.handle.callBlocking(QueueOperation.POLL, wait, null, thread(),
				(wait != null) ? wait.toNanos() : -1L);
	}

	@Override
	public E peek() {
		return call(QueueOperation.PEEK);
	}

	@Override
	public int size() {
		return call(QueueOperation.SIZE);
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	@Override
	public int remainingCapacity() {
		return call(QueueOperation.REMAINING_CAPACITY);
	}

	@Override
	public boolean contains(Object o) {
		return o != null && (Boolean) call(QueueOperation.CONTAINS, o);
	}

	@Override
	public boolean remove(Object o) {
		return o != null && (Boolean) call(QueueOperation.REMOVE, o);
	}

	@Override
	public boolean removeAll(Collection<?> c) {
		return call(QueueOperation.REMOVE_ALL, Objects.requireNonNull(c));
	}

	@Override
	public boolean retainAll(Collection<?> c) {
		return call(QueueOperation.RETAIN_ALL, Objects.requireNonNull(c));
	}

	@Override
	public void clear() {
		call(QueueOperation.CLEAR);
	}

	@Override
	public int drainTo(Collection<? super E> target) {
		return drainTo(target, Integer.MAX_VALUE);
	}

	@Override
	@SuppressWarnings("unchecked")
	public int drainTo(Collection<? super E> target, int max) {
		QueueDrains.checkTarget(target, this);
		List<E> drained = withoutWaiting(
				() -> (List<E>) this.handle.callBlocking(QueueOperation.DRAIN, Duration.ZERO, null, max));
		target.addAll(drained);
		return drained.size();
	}

	@Override
	public Iterator<E> iterator() {
		return new QueueIterator<>(call(QueueOperation.SNAPSHOT), this);
	}

	@Override
	public void taskDone() {
		call(QueueOperation.TASK_DONE);
	}

	@Override
	public void join() throws InterruptedException {
		join(null);
	}

	@Override
	public boolean join(long timeout, TimeUnit unit) throws InterruptedException {
		return join(Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	private boolean join(Duration wait) throws InterruptedException {
		return (Boolean) this.handle.callBlocking(QueueOperation.JOIN, wait, (nothingToGiveBack) -> {
		}, thread(), (wait != null) ? wait.toNanos() : -1L);
	}

	@Override
	public int unfinishedTasks() {
		return call(QueueOperation.UNFINISHED);
	}

	@Override
	public String toString() {
		return Previews.show(call(QueueOperation.SNAPSHOT));
	}

	/**
	 * A call the server answers without waiting, made through the interruptible path.
	 */
	@FunctionalInterface
	private interface ImmediateCall<T> {

		T call() throws InterruptedException;

	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
