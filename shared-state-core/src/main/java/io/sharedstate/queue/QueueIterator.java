package io.sharedstate.queue;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;

/**
 * Walks a snapshot of a shared queue; {@code remove} removes the first element equal to
 * the last one returned from the shared queue.
 *
 * @param <E> the element type
 */
final class QueueIterator<E> implements Iterator<E> {

	private final Iterator<E> snapshot;

	private final Queue<E> queue;

	private E last;

	private boolean removable;

	QueueIterator(List<E> snapshot, Queue<E> queue) {
		this.snapshot = snapshot.iterator();
		this.queue = queue;
	}

	@Override
	public boolean hasNext() {
		return this.snapshot.hasNext();
	}

	@Override
	public E next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		this.last = this.snapshot.next();
		this.removable = true;
		return this.last;
	}

	@Override
	public void remove() {
		if (!this.removable) {
			throw new IllegalStateException("next() has not been called, or remove() was already called");
		}
		this.queue.remove(this.last);
		this.removable = false;
	}

}
