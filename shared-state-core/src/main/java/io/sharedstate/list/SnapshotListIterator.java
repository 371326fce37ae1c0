package io.sharedstate.list;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;

/**
 * A list iterator over a snapshot of a shared list. It never throws
 * {@link java.util.ConcurrentModificationException}. It keeps a private copy of the list
 * as this iterator believes it to be; {@code remove}, {@code set} and {@code add} change
 * that copy and the shared list at the same index, which is right as long as no other
 * thread or process changes the list meanwhile.
 *
 * @param <E> the element type
 */
final class SnapshotListIterator<E> implements ListIterator<E> {

	private final List<E> mirror;

	private final List<E> target;

	private int cursor;

	private int last = -1;

	SnapshotListIterator(Collection<E> snapshot, List<E> target, int index) {
		if (index < 0 || index > snapshot.size()) {
			throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + snapshot.size());
		}
		this.mirror = new ArrayList<>(snapshot);
		this.target = target;
		this.cursor = index;
	}

	@Override
	public boolean hasNext() {
		return this.cursor < this.mirror.size();
	}

	@Override
	public E next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		this.last = this.cursor++;
		return this.mirror.get(this.last);
	}

	@Override
	public boolean hasPrevious() {
		return this.cursor > 0;
	}

	@Override
	public E previous() {
		if (!hasPrevious()) {
			throw new NoSuchElementException();
		}
		this.last = --this.cursor;
		return this.mirror.get(this.last);
	}

	@Override
	public int nextIndex() {
		return this.cursor;
	}

	@Override
	public int previousIndex() {
		return this.cursor - 1;
	}

	@Override
	public void remove() {
		requireLast();
		this.target.remove(this.last);
		this.mirror.remove(this.last);
		if (this.last < this.cursor) {
			this.cursor--;
		}
		this.last = -1;
	}

	@Override
	public void set(E element) {
		requireLast();
		this.target.set(this.last, element);
		this.mirror.set(this.last, element);
	}

	@Override
	public void add(E element) {
		this.target.add(this.cursor, element);
		this.mirror.add(this.cursor++, element);
		this.last = -1;
	}

	private void requireLast() {
		if (this.last < 0) {
			throw new IllegalStateException("next() or previous() has not been called since the last add or remove");
		}
	}

}
