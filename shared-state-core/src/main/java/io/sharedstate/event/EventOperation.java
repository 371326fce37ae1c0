package io.sharedstate.event;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.BLOCKING;
import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of an event.
 */
enum EventOperation implements Operation {

	SET(WRITE, 0, (event, a, t) -> event.set(t)),

	CLEAR(WRITE, 0, (event, a, t) -> event.clear()),

	IS_SET(READ, 0, (event, a, t) -> event.isSet()),

	/** Thread, timeout in nanoseconds (0 to look, negative for ever). */
	AWAIT(BLOCKING, 2, (event, a, t) -> event.await(t.owner((Long) a[0], null), (Long) a[1], t)),

	WAITING(READ, 0, (event, a, t) -> event.waiting());

	private final OperationSpec<EventState> spec;

	EventOperation(OperationKind kind, int arity, Handler<EventState> handler) {
		this.spec = new OperationSpec<>(kind, arity, EventState.class, handler);
	}

	@Override
	public OperationSpec<EventState> spec() {
		return this.spec;
	}

}
