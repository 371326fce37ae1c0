package io.sharedstate.value;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a value.
 */
enum ValueOperation implements Operation {

	GET(READ, 0, (value, a, t) -> value.get()),

	SET(WRITE, 1, (value, a, t) -> value.set(a[0])),

	GET_AND_SET(WRITE, 1, (value, a, t) -> value.getAndSet(a[0])),

	COMPARE_AND_SET(WRITE, 2, (value, a, t) -> value.compareAndSet(a[0], a[1])),

	GET_AND_UPDATE(WRITE, 1, (value, a, t) -> value.getAndUpdate(a[0])),

	UPDATE_AND_GET(WRITE, 1, (value, a, t) -> value.updateAndGet(a[0])),

	ACCUMULATE_AND_GET(WRITE, 2, (value, a, t) -> value.accumulateAndGet(a[0], a[1]));

	private final OperationSpec<ValueState> spec;

	ValueOperation(OperationKind kind, int arity, Handler<ValueState> handler) {
		this.spec = new OperationSpec<>(kind, arity, ValueState.class, handler);
	}

	@Override
	public OperationSpec<ValueState> spec() {
		return this.spec;
	}

}
