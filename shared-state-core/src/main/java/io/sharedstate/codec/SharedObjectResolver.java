package io.sharedstate.codec;

import io.sharedstate.SharedObject;
import io.sharedstate.SharedType;

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
	 * @return the object or a proxy to it
	 */
	SharedObject resolve(SharedType type, String name);

}
