package io.sharedstate.semaphore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.TypeDefinition;

/**
 * The semaphore types, for engines.
 */
public final class SemaphoreType implements TypeDefinition.Inspection {

	private SemaphoreType() {
	}

	/**
	 * Returns the definition of a semaphore; it is opened with its initial permits.
	 * @param bounded whether releases above the initial permits are refused
	 * @return the definition
	 */
	public static TypeDefinition definition(boolean bounded) {
		return new TypeDefinition(bounded ? SharedType.BOUNDED_SEMAPHORE : SharedType.SEMAPHORE,
				SemaphoreOperation.values(),
				(name, initial, others) -> new SemaphoreState(name, (initial != null) ? (Integer) initial : 1, bounded),
				SemaphoreProxy::new, new SemaphoreType());
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		SemaphoreState semaphore = (SemaphoreState) state;
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("available", semaphore.available());
		described.put("waiting", semaphore.waiting());
		return described;
	}

}
