package io.sharedstate.engine;

import java.net.InetSocketAddress;

import io.sharedstate.api.SharedType;

/**
 * Makes what a proxy turns into when it is serialized with Java serialization: a
 * reference that reconnects to the object's manager where it is read back.
 */
@FunctionalInterface
public interface ReferenceFactory {

	/**
	 * Makes a reference.
	 * @param address the address of the object's manager server
	 * @param type the object's type
	 * @param name its name
	 * @param initial what it was opened with (its custom type, for a custom object)
	 * @return the reference, a serializable object whose {@code readResolve} reconnects
	 */
	Object reference(InetSocketAddress address, SharedType type, String name, Object initial);

}
