package io.sharedstate.snapshot;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that stands for a Python tuple. A tuple a Python client stores comes
 * back to Java as a {@code Tuple}, and a {@code Tuple} stored from Java reaches Python as
 * a tuple, while any other {@link List} reaches Python as a list. It equals every list
 * with the same elements, so it works as a map key. Its elements are stored as shared
 * state stores values (plain collections become snapshots). Every mutator throws
 * {@link UnsupportedOperationException}, as {@link AbstractList}'s do.
 *
 * @param <E> the element type
 */
public final class Tuple<E> extends AbstractList<E> implements RandomAccess, Serializable {

	private static final long serialVersionUID = 1L;

	private static final Tuple<Object> EMPTY = new Tuple<>(new Object[0]);

	private final Object[] elements;

	private Tuple(Object[] elements) {
		this.elements = elements;
	}

	/**
	 * Creates a tuple.
	 * @param <E> the element type
	 * @param elements the elements, copied; a plain collection among them is stored as a
	 * snapshot
	 * @return the tuple
	 */
	@SafeVarargs
	@SuppressWarnings("unchecked")
	public static <E> Tuple<E> of(E... elements) {
		if (elements.length == 0) {
			return (Tuple<E>) EMPTY;
		}
		Object[] stored = new Object[elements.length];
		for (int i = 0; i < elements.length; i++) {
			stored[i] = Snapshots.of(elements[i]);
		}
		return new Tuple<>(stored);
	}

	/**
	 * Creates a tuple of a collection's elements, in its iteration order.
	 * @param <E> the element type
	 * @param elements the elements
	 * @return the tuple
	 */
	@SuppressWarnings("unchecked")
	public static <E> Tuple<E> copyOf(Collection<? extends E> elements) {
		return (elements instanceof Tuple<?> tuple) ? (Tuple<E>) tuple : (Tuple<E>) of(elements.toArray());
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

}
