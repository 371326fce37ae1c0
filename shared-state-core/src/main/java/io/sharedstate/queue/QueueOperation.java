package io.sharedstate.queue;

import java.util.Collection;

import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.OperationSpec;
import io.sharedstate.model.OperationSpec.Handler;

import static io.sharedstate.model.OperationKind.BLOCKING;
import static io.sharedstate.model.OperationKind.READ;
import static io.sharedstate.model.OperationKind.TAKE;
import static io.sharedstate.model.OperationKind.WRITE;

/**
 * The operations of a queue; a joinable queue has them all.
 */
enum QueueOperation implements Operation {

	/** Thread, item, timeout in nanoseconds (0 to try, negative for ever). */
	OFFER(BLOCKING, 3, (queue, a, t) -> queue.offer(t.owner((Long) a[0], null), a[1], (Long) a[2], t)),

	/** Thread, timeout in nanoseconds (0 to try, negative for ever). */
	POLL(TAKE, 2, (queue, a, t) -> queue.poll(t.owner((Long) a[0], null), (Long) a[1], t)),

	PEEK(READ, 0, (queue, a, t) -> queue.peek()),

	SIZE(READ, 0, (queue, a, t) -> queue.size()),

	REMAINING_CAPACITY(READ, 0, (queue, a, t) -> queue.remainingCapacity()),

	CONTAINS(READ, 1, (queue, a, t) -> queue.contains(a[0])),

	REMOVE(WRITE, 1, (queue, a, t) -> queue.remove(a[0], t)),

	REMOVE_ALL(WRITE, 1, (queue, a, t) -> queue.removeAll((Collection<?>) a[0], false, t)),

	RETAIN_ALL(WRITE, 1, (queue, a, t) -> queue.removeAll((Collection<?>) a[0], true, t)),

	CLEAR(WRITE, 0, (queue, a, t) -> queue.clear(t)),

	/** The most items to take. */
	DRAIN(TAKE, 1, (queue, a, t) -> queue.drain((Integer) a[0], t)),

	SNAPSHOT(READ, 0, (queue, a, t) -> queue.snapshot()),

	TASK_DONE(WRITE, 0, (queue, a, t) -> queue.taskDone(t)),

	/** Thread, timeout in nanoseconds (0 to look, negative for ever). */
	JOIN(BLOCKING, 2, (queue, a, t) -> queue.join(t.owner((Long) a[0], null), (Long) a[1], t)),

	UNFINISHED(READ, 0, (queue, a, t) -> queue.unfinished());

	private final OperationSpec<QueueState> spec;

	QueueOperation(OperationKind kind, int arity, Handler<QueueState> handler) {
		this.spec = new OperationSpec<>(kind, arity, QueueState.class, handler);
	}

	@Override
	public OperationSpec<QueueState> spec() {
		return this.spec;
	}

}
