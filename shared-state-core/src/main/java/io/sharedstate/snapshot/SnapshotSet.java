package io.sharedstate.snapshot;

import java.io.Serializable;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An unmodifiable copy of a set read from shared state, in the source's iteration order.
 * Every mutator, its iterator's {@code remove} included, throws
 * {@link LostUpdateException}.
 *
 * @param <E> the element type
 */
public final class SnapshotSet<E> extends AbstractSet<E> implements Serializable {

	private static final long serialVersionUID = 1L;

	private final Set<E> elements;

	SnapshotSet(Set<E> elements) {
		this.elements = elements;
	}

	@Override
	public Iterator<E> iterator() {
		Iterator<E> iterator = this.elements.iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public E next() {
				return iterator.next();
			}

			@Override
			public void remove() {
				throw lost();
			}

		};
	}

	@Override
	public int size() {
		return this.elements.size();
	}

	@Override
	public boolean contains(Object o) {
		return this.elements.contains(o);
	}

	@Override
	public boolean add(E e) {
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
	public void clear() {
		throw lost();
	}

	private static LostUpdateException lost() {
		return LostUpdateException.forKind("Set");
	}

}
