package io.sharedstate.lock;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.BLOCKING;
import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a lock. Threads are named by the id and name their process gives
 * them; the host adds the session.
 */
enum LockOperation implements Operation {

	/** Thread, thread name, timeout in nanoseconds (0 to try, negative for ever). */
	ACQUIRE(BLOCKING, 3, (lock, a, t) -> lock.acquire(t.owner((Long) a[0], (String) a[1]), (Long) a[2], t)),

	/** Thread, fence of its hold. */
	RELEASE(WRITE, 2, (lock, a, t) -> lock.release(t.owner((Long) a[0], null), (Long) a[1], t)),

	IS_LOCKED(READ, 0, (lock, a, t) -> lock.isLocked()),

	WAITING(READ, 0, (lock, a, t) -> lock.waiting()),

	/** Thread, fence: whether that hold is still current. */
	IS_HELD(READ, 2, (lock, a, t) -> lock.isCurrent(t.owner((Long) a[0], null), (Long) a[1]));

	private final OperationSpec<LockState> spec;

	LockOperation(OperationKind kind, int arity, Handler<LockState> handler) {
		this.spec = new OperationSpec<>(kind, arity, LockState.class, handler);
	}

	@Override
	public OperationSpec<LockState> spec() {
		return this.spec;
	}

}
