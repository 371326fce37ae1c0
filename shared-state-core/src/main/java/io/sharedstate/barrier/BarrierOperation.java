package io.sharedstate.barrier;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.BLOCKING;
import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a barrier.
 */
enum BarrierOperation implements Operation {

	/** Thread, timeout in nanoseconds (negative for ever), whether it has an action. */
	AWAIT(BLOCKING, 3, (barrier, a, t) -> barrier.await(t.owner((Long) a[0], null), (Long) a[1], (Boolean) a[2], t)),

	/** Thread, whether the action succeeded. */
	ACTION_DONE(WRITE, 2, (barrier, a, t) -> barrier.actionDone(t.owner((Long) a[0], null), (Boolean) a[1], t)),

	RESET(WRITE, 0, (barrier, a, t) -> barrier.reset(t)),

	/** Thread. */
	ABORT(WRITE, 1, (barrier, a, t) -> barrier.abort(t.owner((Long) a[0], null), t)),

	IS_BROKEN(READ, 0, (barrier, a, t) -> barrier.isBroken()),

	PARTIES(READ, 0, (barrier, a, t) -> barrier.parties()),

	WAITING(READ, 0, (barrier, a, t) -> barrier.waiting());

	private final OperationSpec<BarrierState> spec;

	BarrierOperation(OperationKind kind, int arity, Handler<BarrierState> handler) {
		this.spec = new OperationSpec<>(kind, arity, BarrierState.class, handler);
	}

	@Override
	public OperationSpec<BarrierState> spec() {
		return this.spec;
	}

}
