package io.sharedstate.barrier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.TypeDefinition;

/**
 * The barrier type, for engines.
 */
public final class BarrierType implements TypeDefinition.Inspection {

	private BarrierType() {
	}

	/**
	 * Returns the barrier's definition; it is opened with its number of parties.
	 * @return the definition
	 */
	public static TypeDefinition definition() {
		return new TypeDefinition(SharedType.BARRIER, BarrierOperation.values(),
				(name, initial, others) -> new BarrierState(name, (initial != null) ? (Integer) initial : 1),
				BarrierProxy::new, new BarrierType());
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		BarrierState barrier = (BarrierState) state;
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("parties", barrier.parties());
		described.put("waiting", barrier.waiting());
		described.put("broken", barrier.isBroken());
		return described;
	}

}
