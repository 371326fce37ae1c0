package io.sharedstate.lock;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.BLOCKING;
import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a condition.
 */
enum ConditionOperation implements Operation {

	/** Thread, timeout in nanoseconds (negative for ever). */
	AWAIT(BLOCKING, 2, (condition, a, t) -> condition.await(t.owner((Long) a[0], null), (Long) a[1], t)),

	/** Thread. */
	SIGNAL(WRITE, 1, (condition, a, t) -> condition.signal(t.owner((Long) a[0], null), false)),

	/** Thread. */
	SIGNAL_ALL(WRITE, 1, (condition, a, t) -> condition.signal(t.owner((Long) a[0], null), true)),

	LOCK_OF(READ, 0, (condition, a, t) -> condition.lockOf()),

	WAITING(READ, 0, (condition, a, t) -> condition.waiting());

	private final OperationSpec<ConditionState> spec;

	ConditionOperation(OperationKind kind, int arity, Handler<ConditionState> handler) {
		this.spec = new OperationSpec<>(kind, arity, ConditionState.class, handler);
	}

	@Override
	public OperationSpec<ConditionState> spec() {
		return this.spec;
	}

}
