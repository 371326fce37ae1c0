package io.sharedstate.api;

/**
 * An object hosted by a manager and found by name from any process that uses that
 * manager. Proxies are {@link java.io.Serializable}: sent to another process (inside
 * another shared object, through a queue, as a child process's argument) they reconnect
 * to their manager there.
 */
public interface SharedObject {

	/**
	 * Returns the name this object was created or found under.
	 * @return the name, unique per manager across all types
	 */
	String name();

	/**
	 * Returns the kind of shared object this is.
	 * @return the type
	 */
	SharedType type();

}
