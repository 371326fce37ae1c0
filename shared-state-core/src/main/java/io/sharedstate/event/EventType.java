package io.sharedstate.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.TypeDefinition;

/**
 * The event type, for engines.
 */
public final class EventType implements TypeDefinition.Inspection {

	private EventType() {
	}

	/**
	 * Returns the event's definition.
	 * @return the definition
	 */
	public static TypeDefinition definition() {
		return new TypeDefinition(SharedType.EVENT, EventOperation.values(),
				(name, initial, others) -> new EventState(), EventProxy::new, new EventType());
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		EventState event = (EventState) state;
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("set", event.isSet());
		described.put("waiting", event.waiting());
		return described;
	}

}
