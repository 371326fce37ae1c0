package io.sharedstate.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's indexing of a shared list: negative indices, slices, and the errors Python
 * raises, for {@code ListProxy} and {@code ArrayProxy}.
 */
final class Sequences {

	private Sequences() {
	}

	static Object get(List<Object> list, Object index, String kind) {
		int position = position(list, index,
				kind + " indices must be integers or slices, not " + PythonValues.typeName(index));
		try {
			return list.get(position);
		}
		catch (IndexOutOfBoundsException ex) {
			throw PythonException.indexError(kind + " index out of range");
		}
	}

	static void set(List<Object> list, Object index, Object value, String kind) {
		int position = position(list, index,
				kind + " indices must be integers or slices, not " + PythonValues.typeName(index));
		try {
			list.set(position, value);
		}
		catch (IndexOutOfBoundsException ex) {
			throw PythonException.indexError(kind + " assignment index out of range");
		}
	}

	static void delete(List<Object> list, Object index) {
		int position = position(list, index,
				"list indices must be integers or slices, not " + PythonValues.typeName(index));
		try {
			list.remove(position);
		}
		catch (IndexOutOfBoundsException ex) {
			throw PythonException.indexError("list assignment index out of range");
		}
	}

	static List<Object> slice(List<Object> elements, PythonSlice slice) {
		PythonSlice.Range range = slice.range(elements.size());
		List<Object> result = new ArrayList<>(range.count());
		for (int i = 0; i < range.count(); i++) {
			result.add(elements.get(range.at(i)));
		}
		return result;
	}

	static void assignSlice(List<Object> list, PythonSlice slice, List<Object> values) {
		PythonSlice.Range range = slice.range(list.size());
		if (range.step() == 1) {
			int start = range.start();
			int stop = start + range.count();
			if (stop > start) {
				list.subList(start, stop).clear();
			}
			list.addAll(Math.min(start, list.size()), values);
			return;
		}
		if (values.size() != range.count()) {
			throw PythonException.valueError("attempt to assign sequence of size " + values.size()
					+ " to extended slice of size " + range.count());
		}
		for (int i = 0; i < range.count(); i++) {
			list.set(range.at(i), values.get(i));
		}
	}

	static void deleteSlice(List<Object> list, PythonSlice slice) {
		PythonSlice.Range range = slice.range(list.size());
		if (range.count() == 0) {
			return;
		}
		if (range.step() == 1) {
			list.subList(range.start(), range.start() + range.count()).clear();
			return;
		}
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < range.count(); i++) {
			positions.add(range.at(i));
		}
		positions.sort(java.util.Comparator.reverseOrder());
		for (int position : positions) {
			list.remove(position);
		}
	}

	static void insert(List<Object> list, Object index, Object value) {
		long requested = PythonValues.index(index,
				"'" + PythonValues.typeName(index) + "' object cannot be interpreted as an integer");
		while (true) {
			int size = list.size();
			long position = (requested < 0) ? Math.max(0, requested + size) : Math.min(requested, size);
			try {
				list.add((int) position, value);
				return;
			}
			catch (IndexOutOfBoundsException ex) {
				// the list shrank meanwhile: place it again
			}
		}
	}

	static Object pop(List<Object> list, Object index) {
		long requested = PythonValues.index(index,
				"'" + PythonValues.typeName(index) + "' object cannot be interpreted as an integer");
		while (true) {
			int size = list.size();
			if (size == 0) {
				throw PythonException.indexError("pop from empty list");
			}
			long position = (requested < 0) ? requested + size : requested;
			if (position < 0 || position >= size) {
				throw PythonException.indexError("pop index out of range");
			}
			try {
				return list.remove((int) position);
			}
			catch (IndexOutOfBoundsException ex) {
				// the list shrank meanwhile: look again
			}
		}
	}

	static long index(List<Object> elements, Object value, Object start, Object stop) {
		PythonSlice.Range range = new PythonSlice(start, stop, null).range(elements.size());
		for (int i = 0; i < range.count(); i++) {
			if (java.util.Objects.equals(elements.get(range.at(i)), value)) {
				return range.at(i);
			}
		}
		throw PythonException.valueError(PythonRepr.of(value) + " is not in list");
	}

	private static int position(List<Object> list, Object index, String notInteger) {
		long position = PythonValues.index(index, notInteger);
		if (position < 0) {
			position += list.size();
		}
		return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, position));
	}

}
