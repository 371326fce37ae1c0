package io.sharedstate.dict;

import java.util.Map;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a dict.
 */
enum DictOperation implements Operation {

	GET(READ, 1, (dict, a, t) -> dict.get(a[0])),

	PUT(WRITE, 2, (dict, a, t) -> dict.put(a[0], a[1])),

	REMOVE(WRITE, 1, (dict, a, t) -> dict.remove(a[0])),

	CONTAINS_KEY(READ, 1, (dict, a, t) -> dict.containsKey(a[0])),

	CONTAINS_VALUE(READ, 1, (dict, a, t) -> dict.containsValue(a[0])),

	SIZE(READ, 0, (dict, a, t) -> dict.size()),

	CLEAR(WRITE, 0, (dict, a, t) -> dict.clear()),

	PUT_ALL(WRITE, 1, (dict, a, t) -> dict.putAll((Map<?, ?>) a[0])),

	PUT_IF_ABSENT(WRITE, 2, (dict, a, t) -> dict.putIfAbsent(a[0], a[1])),

	REMOVE_ENTRY(WRITE, 2, (dict, a, t) -> dict.remove(a[0], a[1])),

	REPLACE(WRITE, 2, (dict, a, t) -> dict.replace(a[0], a[1])),

	REPLACE_ENTRY(WRITE, 3, (dict, a, t) -> dict.replace(a[0], a[1], a[2])),

	COMPUTE(WRITE, 2, (dict, a, t) -> dict.compute(a[0], a[1])),

	COMPUTE_IF_ABSENT(WRITE, 2, (dict, a, t) -> dict.computeIfAbsent(a[0], a[1])),

	COMPUTE_IF_PRESENT(WRITE, 2, (dict, a, t) -> dict.computeIfPresent(a[0], a[1])),

	MERGE(WRITE, 3, (dict, a, t) -> dict.merge(a[0], a[1], a[2])),

	REPLACE_ALL(WRITE, 1, (dict, a, t) -> dict.replaceAll(a[0])),

	SNAPSHOT(READ, 0, (dict, a, t) -> dict.snapshot()),

	KEYS(READ, 0, (dict, a, t) -> dict.keys());

	private final OperationSpec<DictState> spec;

	DictOperation(OperationKind kind, int arity, Handler<DictState> handler) {
		this.spec = new OperationSpec<>(kind, arity, DictState.class, handler);
	}

	@Override
	public OperationSpec<DictState> spec() {
		return this.spec;
	}

}
