package io.sharedstate.snapshot;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An unmodifiable copy of a list read from shared state. Every mutator throws
 * {@link LostUpdateException}.
 *
 * @param <E> the element type
 */
public final class SnapshotList<E> extends AbstractList<E> implements RandomAccess, Serializable {

	private static final long serialVersionUID = 1L;

	private final Object[] elements;

	SnapshotList(Object[] elements) {
		this.elements = elements;
	}

	@Override
	@SuppressWarnings("unchecked")
	public E get(int index) {
		return (E) this.elements[index];
	}

	@Override
	public int size() {
		return this.elements.length;
	}

	@Override
	public E set(int index, E element) {
		throw lost();
	}

	@Override
	public void add(int index, E element) {
		throw lost();
	}

	@Override
	public E remove(int index) {
		throw lost();
	}

	@Override
	public boolean remove(Object o) {
		throw lost();
	}

	@Override
	public boolean addAll(Collection<? extends E> c) {
		throw lost();
	}

	@Override
	public boolean removeAll(Collection<?> c) {
		throw lost();
	}

	@Override
	public boolean retainAll(Collection<?> c) {
		throw lost();
	}

	@Override
	public boolean removeIf(Predicate<? super E> filter) {
		throw lost();
	}

	@Override
	public void replaceAll(UnaryOperator<E> operator) {
		throw lost();
	}

	@Override
	public void sort(Comparator<? super E> c) {
		throw lost();
	}

	@Override
	public void clear() {
		throw lost();
	}

	private static LostUpdateException lost() {
		return LostUpdateException.forKind("List");
	}

}
