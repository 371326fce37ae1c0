package io.sharedstate.list;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.sharedstate.api.SharedObject;
import io.sharedstate.function.SerializableComparator;
import io.sharedstate.function.SerializablePredicate;
import io.sharedstate.function.SerializableUnaryOperator;

/**
 * A list shared between processes, with the semantics of {@link List}. {@code null}
 * elements are allowed. Every single operation (including {@link #addAll}, {@link #sort},
 * {@link #removeIf} and {@link #replaceAll}) is atomic and linearizable across processes;
 * a sequence of operations is not, so another process may change the list between two
 * calls.
 *
 * <p>
 * Iterators walk a snapshot taken when iteration starts and never throw
 * {@link java.util.ConcurrentModificationException}; their {@code remove}, {@code set}
 * and {@code add} apply to the shared list at the position the snapshot implies, which is
 * only right while no other process changes the list. {@link #subList} is a view whose
 * operations go to the shared list with the view's offset.
 *
 * <p>
 * {@link #sort}, {@link #removeIf} and {@link #replaceAll} run their function on the
 * manager server; lambdas and method references passed directly select the serializable
 * overloads. Elements are copies; a plain {@link List}, {@link java.util.Set} or
 * {@link java.util.Map} element read back is an unmodifiable snapshot.
 *
 * @param <E> the element type
 */
public interface SharedList<E> extends List<E>, SharedObject {

	/**
	 * Sorts the list on the server.
	 * @param comparator the order, or {@code null} for natural order
	 * @see List#sort(Comparator)
	 */
	default void sort(SerializableComparator<? super E> comparator) {
		sort((Comparator<? super E>) comparator);
	}

	/**
	 * Removes, on the server and atomically, every element the filter accepts.
	 * @param filter the elements to remove
	 * @return whether any element was removed
	 * @see java.util.Collection#removeIf(Predicate)
	 */
	default boolean removeIf(SerializablePredicate<? super E> filter) {
		return removeIf((Predicate<? super E>) filter);
	}

	/**
	 * Replaces, on the server and atomically, every element with the operator's result.
	 * @param operator computes each new element
	 * @see List#replaceAll(UnaryOperator)
	 */
	default void replaceAll(SerializableUnaryOperator<E> operator) {
		replaceAll((UnaryOperator<E>) operator);
	}

	/**
	 * Returns a copy of the whole list, taken atomically in one call.
	 * @return an unmodifiable snapshot
	 */
	List<E> snapshot();

	/**
	 * Asynchronous {@link #get(int)}; requests are pipelined on the connection.
	 * @param index the position
	 * @return the element
	 */
	CompletableFuture<E> getAsync(int index);

	/**
	 * Asynchronous {@link #add(Object)}.
	 * @param element the element to append
	 * @return {@code true}
	 */
	CompletableFuture<Boolean> addAsync(E element);

	/**
	 * Asynchronous {@link #set(int, Object)}.
	 * @param index the position
	 * @param element the new element
	 * @return the element previously there
	 */
	CompletableFuture<E> setAsync(int index, E element);

	/**
	 * Asynchronous {@link #size()}.
	 * @return the number of elements
	 */
	CompletableFuture<Integer> sizeAsync();

}
