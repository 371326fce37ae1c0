package io.sharedstate.value;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a counter.
 */
enum CounterOperation implements Operation {

	GET(READ, 0, (count, a, t) -> count.get()),

	SET(WRITE, 1, (count, a, t) -> count.assign((Long) a[0])),

	ADD_AND_GET(WRITE, 1, (count, a, t) -> count.addAndGet((Long) a[0])),

	GET_AND_ADD(WRITE, 1, (count, a, t) -> count.getAndAdd((Long) a[0])),

	COMPARE_AND_SET(WRITE, 2, (count, a, t) -> count.compareAndSet((Long) a[0], (Long) a[1]));

	private final OperationSpec<CounterState> spec;

	CounterOperation(OperationKind kind, int arity, Handler<CounterState> handler) {
		this.spec = new OperationSpec<>(kind, arity, CounterState.class, handler);
	}

	@Override
	public OperationSpec<CounterState> spec() {
		return this.spec;
	}

}
