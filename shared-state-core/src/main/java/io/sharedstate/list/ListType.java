package io.sharedstate.list;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.Previews;
import io.sharedstate.model.TypeDefinition;

/**
 * The list type, for engines.
 */
public final class ListType implements TypeDefinition.Inspection {

	private ListType() {
	}

	/**
	 * Returns the list's definition.
	 * @return the definition
	 */
	public static TypeDefinition definition() {
		return new TypeDefinition(SharedType.LIST, ListOperation.values(),
				(name, initial, others) -> new ListState(initial), ListProxy::new, new ListType());
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		return Map.of("size", ((ListState) state).size());
	}

	@Override
	public List<String> preview(Object state, int limit) {
		return Previews.elements(((ListState) state).elements(), limit);
	}

}
