package io.sharedstate.codec;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.custom.CustomTypeRef;

/**
 * Turns a decoded reference to a shared object into a live object of the decoding engine:
 * the object itself inside the manager, a proxy in a client.
 */
@FunctionalInterface
public interface SharedObjectResolver {

	/**
	 * Returns the live object for a reference.
	 * @param type the object's type
	 * @param name the object's name
	 * @param custom the type id and interface of a custom object, {@code null} for other
	 * types
	 * @return the object or a proxy to it
	 */
	SharedObject resolve(SharedType type, String name, CustomTypeRef custom);

}
