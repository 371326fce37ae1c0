package io.sharedstate.queue;

import java.util.Collection;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SharedTypeSupport;
import io.sharedstate.inspect.Previews;

/**
 * Queue support for the engines, for plain and joinable queues. A new queue's maxsize
 * comes with the request that creates it.
 */
public final class QueueSupport implements SharedTypeSupport<SharedQueue<Object>> {

	private final SharedType type;

	/**
	 * Creates the support of one kind of queue.
	 * @param joinable whether the queue counts unfinished tasks for {@code join}
	 */
	public QueueSupport(boolean joinable) {
		this.type = joinable ? SharedType.JOINABLE_QUEUE : SharedType.QUEUE;
	}

	@Override
	public Operation[] operations() {
		return QueueOperation.ALL;
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	@Override
	public SharedQueue<Object> createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalQueue<>(engine, name, this.type, (initial != null) ? (Integer) initial : 0);
	}

	@Override
	public SharedQueue<Object> createRemote(RemoteHandle handle) {
		return new RemoteQueue<>(handle, this.type);
	}

	@Override
	@SuppressWarnings("unchecked")
	public java.util.Map<String, Object> describe(SharedQueue<Object> queue, LocalEngine engine) {
		QueueState state = ((LocalQueue<Object>) queue).state();
		java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
		described.put("size", state.size());
		described.put("remainingCapacity", state.remainingCapacity());
		if (this.type == SharedType.JOINABLE_QUEUE) {
			described.put("unfinishedTasks", state.unfinished());
		}
		described.put("waitingTakers", state.waitingTakers());
		described.put("waitingPutters", state.waitingPutters());
		return described;
	}

	@Override
	@SuppressWarnings("unchecked")
	public java.util.List<String> preview(SharedQueue<Object> queue, int limit) {
		return Previews.elements(((LocalQueue<Object>) queue).state().snapshot(), limit);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(SharedQueue<Object> queue, int op, Input args, ValueCodec codec, long session) {
		QueueState state = ((LocalQueue<Object>) queue).state();
		return switch (Operation.ofCode(QueueOperation.ALL, op)) {
			case OFFER -> state.offer(owner(session, args, codec), codec.read(args), (Long) codec.read(args));
			case POLL -> state.poll(owner(session, args, codec), (Long) codec.read(args));
			case DRAIN -> state.drain((Integer) codec.read(args));
			case PEEK -> state.peek();
			case SIZE -> state.size();
			case REMAINING_CAPACITY -> state.remainingCapacity();
			case SNAPSHOT -> state.snapshot();
			case CONTAINS -> state.contains(codec.read(args));
			case REMOVE -> state.remove(codec.read(args));
			case REMOVE_ALL -> state.removeAll((Collection<?>) codec.read(args), false);
			case RETAIN_ALL -> state.removeAll((Collection<?>) codec.read(args), true);
			case CLEAR -> {
				state.clear();
				yield null;
			}
			case TASK_DONE -> {
				state.taskDone();
				yield null;
			}
			case JOIN -> state.join(owner(session, args, codec), (Long) codec.read(args));
			case UNFINISHED -> state.unfinished();
		};
	}

	private static Owner owner(long session, Input args, ValueCodec codec) {
		return new Owner(session, (Long) codec.read(args));
	}

}
