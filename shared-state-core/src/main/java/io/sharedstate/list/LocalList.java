package io.sharedstate.list;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
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
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.function.SerializableComparator;
import io.sharedstate.function.SerializablePredicate;
import io.sharedstate.function.SerializableUnaryOperator;
import io.sharedstate.snapshot.Snapshots;

/**
 * The authoritative list: an {@link ArrayList} of stored (snapshot) elements behind one
 * lock, so each operation is atomic. Used in-process and by the manager server.
 *
 * @param <E> the element type
 */
final class LocalList<E> extends AbstractList<E> implements SharedList<E>, RandomAccess, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient List<E> elements = new ArrayList<>();

	LocalList(LocalEngine engine, String name) {
		this.engine = engine;
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.LIST;
	}

	@SuppressWarnings("unchecked")
	private static <T> T stored(T value) {
		return (T) Snapshots.of(value);
	}

	private static <T> List<T> storedAll(Collection<? extends T> values) {
		return Snapshots.list(values);
	}

	@Override
	public synchronized int size() {
		return this.elements.size();
	}

	@Override
	public synchronized E get(int index) {
		return this.elements.get(index);
	}

	@Override
	public synchronized E set(int index, E element) {
		return this.elements.set(index, stored(element));
	}

	@Override
	public synchronized boolean add(E element) {
		return this.elements.add(stored(element));
	}

	@Override
	public synchronized void add(int index, E element) {
		this.elements.add(index, stored(element));
	}

	@Override
	public synchronized E remove(int index) {
		return this.elements.remove(index);
	}

	@Override
	public synchronized boolean remove(Object o) {
		return this.elements.remove(o);
	}

	@Override
	public synchronized boolean contains(Object o) {
		return this.elements.contains(o);
	}

	@Override
	public synchronized boolean containsAll(Collection<?> c) {
		return this.elements.containsAll(c);
	}

	@Override
	public synchronized int indexOf(Object o) {
		return this.elements.indexOf(o);
	}

	@Override
	public synchronized int lastIndexOf(Object o) {
		return this.elements.lastIndexOf(o);
	}

	@Override
	public synchronized void clear() {
		this.elements.clear();
	}

	@Override
	public boolean addAll(Collection<? extends E> c) {
		List<E> added = storedAll(c);
		synchronized (this) {
			return this.elements.addAll(added);
		}
	}

	@Override
	public boolean addAll(int index, Collection<? extends E> c) {
		List<E> added = storedAll(c);
		synchronized (this) {
			return this.elements.addAll(index, added);
		}
	}

	@Override
	public synchronized boolean removeAll(Collection<?> c) {
		return this.elements.removeAll(c);
	}

	@Override
	public synchronized boolean retainAll(Collection<?> c) {
		return this.elements.retainAll(c);
	}

	@Override
	public synchronized boolean removeIf(Predicate<? super E> filter) {
		return this.elements.removeIf(filter);
	}

	@Override
	public synchronized void replaceAll(UnaryOperator<E> operator) {
		Objects.requireNonNull(operator, "operator");
		this.elements.replaceAll((element) -> stored(operator.apply(element)));
	}

	@Override
	public synchronized void sort(Comparator<? super E> comparator) {
		this.elements.sort(comparator);
	}

	@Override
	public void sort(SerializableComparator<? super E> comparator) {
		sort((Comparator<? super E>) comparator);
	}

	@Override
	public boolean removeIf(SerializablePredicate<? super E> filter) {
		return removeIf((Predicate<? super E>) filter);
	}

	@Override
	public void replaceAll(SerializableUnaryOperator<E> operator) {
		replaceAll((UnaryOperator<E>) operator);
	}

	@Override
	protected synchronized void removeRange(int fromIndex, int toIndex) {
		this.elements.subList(fromIndex, toIndex).clear();
	}

	@Override
	public synchronized List<E> snapshot() {
		return Snapshots.list(this.elements);
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
		return CompletableFuture.supplyAsync(() -> get(index), Runnable::run);
	}

	@Override
	public CompletableFuture<Boolean> addAsync(E element) {
		return CompletableFuture.supplyAsync(() -> add(element), Runnable::run);
	}

	@Override
	public CompletableFuture<E> setAsync(int index, E element) {
		return CompletableFuture.supplyAsync(() -> set(index, element), Runnable::run);
	}

	@Override
	public CompletableFuture<Integer> sizeAsync() {
		return CompletableFuture.completedFuture(size());
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
		return snapshot().toString();
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.LIST, this.name);
	}

}
