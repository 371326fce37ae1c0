package io.sharedstate.namespace;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.Previews;
import io.sharedstate.model.TypeDefinition;

/**
 * The namespace type, for engines.
 */
public final class NamespaceType implements TypeDefinition.Inspection {

	private NamespaceType() {
	}

	/**
	 * Returns the namespace's definition.
	 * @return the definition
	 */
	public static TypeDefinition definition() {
		return new TypeDefinition(SharedType.NAMESPACE, NamespaceOperation.values(),
				(name, initial, others) -> new NamespaceState(), NamespaceProxy::new, new NamespaceType());
	}

	@Override
	public Map<String, Object> describe(Object state, LongFunction<String> processes) {
		return Map.of("attributes", ((NamespaceState) state).live().size());
	}

	@Override
	public List<String> preview(Object state, int limit) {
		return Previews.entries(((NamespaceState) state).live(), limit);
	}

}
