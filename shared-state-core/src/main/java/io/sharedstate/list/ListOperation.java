package io.sharedstate.list;

import java.util.Collection;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a list.
 */
enum ListOperation implements Operation {

	SIZE(READ, 0, (list, a, t) -> list.size()),

	GET(READ, 1, (list, a, t) -> list.get((Integer) a[0])),

	SET(WRITE, 2, (list, a, t) -> list.set((Integer) a[0], a[1])),

	ADD(WRITE, 1, (list, a, t) -> list.add(a[0])),

	ADD_AT(WRITE, 2, (list, a, t) -> list.add((Integer) a[0], a[1])),

	REMOVE_AT(WRITE, 1, (list, a, t) -> list.removeAt((Integer) a[0])),

	REMOVE(WRITE, 1, (list, a, t) -> list.remove(a[0])),

	CONTAINS(READ, 1, (list, a, t) -> list.contains(a[0])),

	INDEX_OF(READ, 1, (list, a, t) -> list.indexOf(a[0])),

	LAST_INDEX_OF(READ, 1, (list, a, t) -> list.lastIndexOf(a[0])),

	CLEAR(WRITE, 0, (list, a, t) -> list.clear()),

	ADD_ALL(WRITE, 1, (list, a, t) -> list.addAll((Collection<?>) a[0])),

	ADD_ALL_AT(WRITE, 2, (list, a, t) -> list.addAll((Integer) a[0], (Collection<?>) a[1])),

	REMOVE_ALL(WRITE, 1, (list, a, t) -> list.removeAll((Collection<?>) a[0])),

	RETAIN_ALL(WRITE, 1, (list, a, t) -> list.retainAll((Collection<?>) a[0])),

	REMOVE_IF(WRITE, 1, (list, a, t) -> list.removeIf(a[0])),

	REPLACE_ALL(WRITE, 1, (list, a, t) -> list.replaceAll(a[0])),

	SORT(WRITE, 1, (list, a, t) -> list.sort(a[0])),

	SNAPSHOT(READ, 0, (list, a, t) -> list.snapshot()),

	REMOVE_RANGE(WRITE, 2, (list, a, t) -> list.removeRange((Integer) a[0], (Integer) a[1])),

	CONTAINS_ALL(READ, 1, (list, a, t) -> list.containsAll((Collection<?>) a[0]));

	private final OperationSpec<ListState> spec;

	ListOperation(OperationKind kind, int arity, Handler<ListState> handler) {
		this.spec = new OperationSpec<>(kind, arity, ListState.class, handler);
	}

	@Override
	public OperationSpec<ListState> spec() {
		return this.spec;
	}

}
