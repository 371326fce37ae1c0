package io.sharedstate.list;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.Functions;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.Previews;

/**
 * A list's proxy, on every engine: each call is one operation on the list's host;
 * iterators walk a snapshot and write through.
 *
 * @param <E> the element type
 */
final class ListProxy<E> extends AbstractList<E> implements SharedList<E>, RandomAccess, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient ObjectHandle handle;

	ListProxy(ObjectHandle handle) {
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.LIST;
	}

	@SuppressWarnings("unchecked")
	private <T> T call(ListOperation op, Object... args) {
		return (T) this.handle.call(op, args);
	}

	@Override
	public int size() {
		return call(ListOperation.SIZE);
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	@Override
	public E get(int index) {
		return call(ListOperation.GET, index);
	}

	@Override
	public E set(int index, E element) {
		return call(ListOperation.SET, index, element);
	}

	@Override
	public boolean add(E element) {
		return call(ListOperation.ADD, element);
	}

	@Override
	public void add(int index, E element) {
		call(ListOperation.ADD_AT, index, element);
	}

	@Override
	public E remove(int index) {
		return call(ListOperation.REMOVE_AT, index);
	}

	@Override
	public boolean remove(Object o) {
		return call(ListOperation.REMOVE, o);
	}

	@Override
	public boolean contains(Object o) {
		return call(ListOperation.CONTAINS, o);
	}

	@Override
	public boolean containsAll(Collection<?> c) {
		return call(ListOperation.CONTAINS_ALL, Objects.requireNonNull(c));
	}

	@Override
	public int indexOf(Object o) {
		return call(ListOperation.INDEX_OF, o);
	}

	@Override
	public int lastIndexOf(Object o) {
		return call(ListOperation.LAST_INDEX_OF, o);
	}

	@Override
	public void clear() {
		call(ListOperation.CLEAR);
	}

	@Override
	public boolean addAll(Collection<? extends E> c) {
		return call(ListOperation.ADD_ALL, Objects.requireNonNull(c));
	}

	@Override
	public boolean addAll(int index, Collection<? extends E> c) {
		return call(ListOperation.ADD_ALL_AT, index, Objects.requireNonNull(c));
	}

	@Override
	public boolean removeAll(Collection<?> c) {
		return call(ListOperation.REMOVE_ALL, Objects.requireNonNull(c));
	}

	@Override
	public boolean retainAll(Collection<?> c) {
		return call(ListOperation.RETAIN_ALL, Objects.requireNonNull(c));
	}

	@Override
	public boolean removeIf(Predicate<? super E> filter) {
		return call(ListOperation.REMOVE_IF, Functions.requireRunnableOnHost(this.handle, filter, "removeIf"));
	}

	@Override
	public void replaceAll(UnaryOperator<E> operator) {
		call(ListOperation.REPLACE_ALL, Functions.requireRunnableOnHost(this.handle, operator, "replaceAll"));
	}

	@Override
	public void sort(Comparator<? super E> comparator) {
		call(ListOperation.SORT,
				(comparator != null) ? Functions.requireRunnableOnHost(this.handle, comparator, "sort") : null);
	}

	@Override
	protected void removeRange(int fromIndex, int toIndex) {
		call(ListOperation.REMOVE_RANGE, fromIndex, toIndex);
	}

	@Override
	public List<E> snapshot() {
		return call(ListOperation.SNAPSHOT);
	}

	@Override
	public Iterator<E> iterator() {
		return listIterator(0);
	}

	@Override
	public ListIterator<E> listIterator() {
		return listIterator(0);
	}

	@Override
	public ListIterator<E> listIterator(int index) {
		return new SnapshotListIterator<>(snapshot(), this, index);
	}

	@Override
	public CompletableFuture<E> getAsync(int index) {
		return this.handle.callAsync(ListOperation.GET, index);
	}

	@Override
	public CompletableFuture<Boolean> addAsync(E element) {
		return this.handle.callAsync(ListOperation.ADD, element);
	}

	@Override
	public CompletableFuture<E> setAsync(int index, E element) {
		return this.handle.callAsync(ListOperation.SET, index, element);
	}

	@Override
	public CompletableFuture<Integer> sizeAsync() {
		return this.handle.callAsync(ListOperation.SIZE);
	}

	@Override
	public boolean equals(Object other) {
		return other == this || snapshot().equals(other);
	}

	@Override
	public int hashCode() {
		return snapshot().hashCode();
	}

	@Override
	public String toString() {
		return Previews.show(snapshot());
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
