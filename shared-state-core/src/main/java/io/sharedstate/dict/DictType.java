package io.sharedstate.dict;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.Previews;
import io.sharedstate.model.TypeDefinition;

/**
 * The dict type, for engines.
 */
public final class DictType implements TypeDefinition.Inspection {

	private DictType() {
	}

	/**
	 * Returns the dict's definition.
	 * @return the definition
	 */
	public static TypeDefinition definition() {
		return new TypeDefinition(SharedType.DICT, DictOperation.values(),
				(name, initial, others) -> new DictState(initial), DictProxy::new, new DictType());
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		return Map.of("size", ((DictState) state).size());
	}

	@Override
	public List<String> preview(Object state, int limit) {
		return Previews.entries(((DictState) state).entries(), limit);
	}

}
