package io.sharedstate.custom;

import java.io.ObjectStreamException;
import java.io.Serializable;

import io.sharedstate.api.SharedObject;

/**
 * What every proxy of a custom shared object implements besides its registered interface:
 * its name, its {@link #typeId() type id} and, through Java serialization, a reference
 * that reconnects in another process. Its {@link #type()} is
 * {@link io.sharedstate.api.SharedType#CUSTOM}.
 * <p>
 * Because the proxy implements these methods itself, a registered interface may not
 * declare {@code name()}, {@code type()}, {@code typeId()}, {@code sharedInterface()} or
 * {@code writeReplace()}.
 */
public interface CustomObject extends SharedObject, Serializable {

	/**
	 * Returns the type id the object's type was registered under.
	 * @return the type id
	 */
	String typeId();

	/**
	 * Returns the interface the object's type was registered with, which the proxy
	 * implements.
	 * @return the interface
	 */
	Class<?> sharedInterface();

	/**
	 * Returns what Java serialization writes instead of the proxy: a reference that turns
	 * back into a live proxy in the reading process. Called by serialization, not by
	 * applications.
	 * @return the reference
	 * @throws ObjectStreamException if the object belongs to an in-process manager, whose
	 * objects cannot travel
	 */
	Object writeReplace() throws ObjectStreamException;

}
