package io.sharedstate.model;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import io.sharedstate.api.SharedType;

/**
 * The shared types a manager knows, by type. One per manager, so that custom types
 * registered on one manager are not seen by another.
 */
public final class TypeCatalog {

	private final Map<SharedType, TypeDefinition> definitions = new EnumMap<>(SharedType.class);

	/**
	 * Creates a catalog of the given types.
	 * @param definitions the types
	 */
	public TypeCatalog(Collection<TypeDefinition> definitions) {
		definitions.forEach((definition) -> this.definitions.put(definition.type(), definition));
	}

	/**
	 * Returns a type's definition.
	 * @param type the type
	 * @return the definition
	 * @throws IllegalArgumentException if the catalog does not have the type
	 */
	public TypeDefinition definition(SharedType type) {
		TypeDefinition definition = this.definitions.get(type);
		if (definition == null) {
			throw new IllegalArgumentException("This manager does not host " + type + " objects");
		}
		return definition;
	}

}
