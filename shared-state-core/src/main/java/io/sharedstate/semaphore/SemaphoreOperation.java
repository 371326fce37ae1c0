package io.sharedstate.semaphore;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.BLOCKING;
import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a semaphore.
 */
enum SemaphoreOperation implements Operation {

	/** Thread, permits, timeout in nanoseconds (0 to try, negative for ever). */
	ACQUIRE(BLOCKING, 3,
			(semaphore, a, t) -> semaphore.acquire(t.owner((Long) a[0], null), (Integer) a[1], (Long) a[2], t)),

	/** Permits. */
	RELEASE(WRITE, 1, (semaphore, a, t) -> semaphore.release(t.session(), (Integer) a[0], t)),

	AVAILABLE(READ, 0, (semaphore, a, t) -> semaphore.available()),

	DRAIN(WRITE, 0, (semaphore, a, t) -> semaphore.drain(t.session())),

	WAITING(READ, 0, (semaphore, a, t) -> semaphore.waiting());

	private final OperationSpec<SemaphoreState> spec;

	SemaphoreOperation(OperationKind kind, int arity, Handler<SemaphoreState> handler) {
		this.spec = new OperationSpec<>(kind, arity, SemaphoreState.class, handler);
	}

	@Override
	public OperationSpec<SemaphoreState> spec() {
		return this.spec;
	}

}
