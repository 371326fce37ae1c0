package io.sharedstate.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.Previews;
import io.sharedstate.model.TypeDefinition;

/**
 * The queue types, for engines.
 */
public final class QueueType implements TypeDefinition.Inspection {

	private final boolean joinable;

	private QueueType(boolean joinable) {
		this.joinable = joinable;
	}

	/**
	 * Returns the definition of a queue; it is opened with its maxsize (0 for no limit).
	 * @param joinable whether it counts unfinished tasks for {@code join}
	 * @return the definition
	 */
	public static TypeDefinition definition(boolean joinable) {
		return new TypeDefinition(joinable ? SharedType.JOINABLE_QUEUE : SharedType.QUEUE, QueueOperation.values(),
				(name, initial, others) -> new QueueState(name, (initial != null) ? (Integer) initial : 0),
				QueueProxy::new, new QueueType(joinable));
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		QueueState queue = (QueueState) state;
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("size", queue.size());
		described.put("remainingCapacity", queue.remainingCapacity());
		if (this.joinable) {
			described.put("unfinishedTasks", queue.unfinished());
		}
		described.put("waitingTakers", queue.waitingTakers());
		described.put("waitingPutters", queue.waitingPutters());
		return described;
	}

	@Override
	public List<String> preview(Object state, int limit) {
		return Previews.elements(((QueueState) state).items(), limit);
	}

}
