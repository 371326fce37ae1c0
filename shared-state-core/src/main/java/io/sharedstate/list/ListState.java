package io.sharedstate.list;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.sharedstate.snapshot.Snapshots;

/**
 * The state of a list: its elements, stored as snapshots. Transitions run under the
 * host's monitor.
 */
final class ListState {

	private final List<Object> elements = new ArrayList<>();

	ListState(Object initial) {
		if (initial instanceof Collection<?> contents) {
			addAll(contents);
		}
	}

	private static Object stored(Object value) {
		return Snapshots.of(value);
	}

	int size() {
		return this.elements.size();
	}

	Object get(int index) {
		return this.elements.get(index);
	}

	Object set(int index, Object element) {
		return this.elements.set(index, stored(element));
	}

	boolean add(Object element) {
		return this.elements.add(stored(element));
	}

	Object add(int index, Object element) {
		this.elements.add(index, stored(element));
		return null;
	}

	Object removeAt(int index) {
		return this.elements.remove(index);
	}

	boolean remove(Object element) {
		return this.elements.remove(element);
	}

	boolean contains(Object element) {
		return this.elements.contains(element);
	}

	boolean containsAll(Collection<?> elements) {
		return this.elements.containsAll(elements);
	}

	int indexOf(Object element) {
		return this.elements.indexOf(element);
	}

	int lastIndexOf(Object element) {
		return this.elements.lastIndexOf(element);
	}

	Object clear() {
		this.elements.clear();
		return null;
	}

	boolean addAll(Collection<?> added) {
		return this.elements.addAll(Snapshots.list(added));
	}

	boolean addAll(int index, Collection<?> added) {
		return this.elements.addAll(index, Snapshots.list(added));
	}

	boolean removeAll(Collection<?> removed) {
		return this.elements.removeAll(removed);
	}

	boolean retainAll(Collection<?> kept) {
		return this.elements.retainAll(kept);
	}

	@SuppressWarnings("unchecked")
	boolean removeIf(Object filter) {
		return this.elements.removeIf((Predicate<Object>) filter);
	}

	@SuppressWarnings("unchecked")
	Object replaceAll(Object operator) {
		UnaryOperator<Object> replacing = (UnaryOperator<Object>) operator;
		this.elements.replaceAll((element) -> stored(replacing.apply(element)));
		return null;
	}

	@SuppressWarnings("unchecked")
	Object sort(Object comparator) {
		this.elements.sort((Comparator<Object>) comparator);
		return null;
	}

	Object removeRange(int from, int to) {
		this.elements.subList(from, to).clear();
		return null;
	}

	List<Object> snapshot() {
		return Snapshots.list(this.elements);
	}

	List<Object> elements() {
		return this.elements;
	}

}
