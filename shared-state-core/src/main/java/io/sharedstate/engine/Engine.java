package io.sharedstate.engine;

import java.net.InetSocketAddress;
import java.util.List;

import io.sharedstate.api.ConnectionState;
import io.sharedstate.api.ManagerMode;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.custom.CustomType;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.OperationObserver;

/**
 * Where shared objects live: in this JVM, behind a manager server, or in a cluster. Every
 * engine hosts the same types with the same semantics, proven by the contract suite; a
 * new engine is done when it passes it. {@code SharedState.of(engine)} turns any engine
 * into a manager.
 */
public interface Engine extends AutoCloseable {

	/**
	 * Finds or creates a named object and returns a proxy of it.
	 * @param <T> the proxy type
	 * @param type the type wanted
	 * @param name the name
	 * @param initial the value a new object starts from, for types that take one (the
	 * permits of a semaphore, the lock of a condition, the type of a custom object...)
	 * @return the proxy
	 * @throws io.sharedstate.api.SharedTypeMismatchException if the name belongs to
	 * another type
	 */
	<T extends SharedObject> T open(SharedType type, String name, Object initial);

	/**
	 * Destroys the object of a name everywhere: proxies of it fail from then on, calls
	 * waiting on it fail, and opening the name again creates a new object.
	 * @param name the name
	 * @return whether an object had the name
	 */
	boolean destroy(String name);

	/**
	 * Registers a custom type, in the process that hosts the objects.
	 * @param type the type
	 * @throws IllegalStateException if this engine does not host its objects
	 */
	void register(CustomType<?> type);

	/**
	 * Returns the custom types registered here.
	 * @return the types; empty where objects are not hosted
	 */
	List<CustomType<?>> registeredTypes();

	/**
	 * Returns what inspection shows of the engine's objects and clients.
	 * @return the inspector
	 */
	Inspector inspector();

	/**
	 * Sets who hears about operations, for metrics.
	 * @param observer the observer
	 */
	void observe(OperationObserver observer);

	/**
	 * Returns whether the engine can reach its objects now.
	 * @return whether it is connected (always, for an engine that hosts them)
	 */
	boolean isConnected();

	/**
	 * Returns whether the engine can reach its objects, and why not.
	 * @return the state
	 */
	default ConnectionState connectionState() {
		return isConnected() ? ConnectionState.CONNECTED
				: new ConnectionState(ConnectionState.Status.UNREACHABLE, null);
	}

	/**
	 * Returns where the engine's objects live.
	 * @return the mode
	 */
	ManagerMode mode();

	/**
	 * Returns the address of the manager server the engine serves or uses.
	 * @return the address, or {@code null} when there is none (in-process)
	 */
	InetSocketAddress address();

	/**
	 * Releases what the engine holds: connections for a client, objects for a host.
	 */
	@Override
	void close();

}
