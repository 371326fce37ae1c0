package io.sharedstate.python;

import java.net.InetSocketAddress;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

/**
 * Where the Python listener finds the shared objects: the one door between Python clients
 * and the engine. Objects are the ordinary shared types ({@code SharedDict},
 * {@code SharedLock}...); Python's methods are dispatched onto their interfaces.
 * <p>
 * A Python client is one connection that called {@code accept_connection}: Python opens
 * one per thread of a process and sends nothing that ties the threads of a process
 * together (only a name such as {@code MainProcess} or {@code Process-1|Thread-2}, which
 * is not unique across processes). Each such connection gets its own
 * {@link PythonSession}; the objects it calls methods on come from its session, so that
 * what a client holds (locks, permits) can be told apart from what others hold. Requests
 * on the short connections Python opens for {@code create}, {@code incref} and
 * {@code decref} use the space itself.
 * <p>
 * Implementations are thread-safe.
 */
public interface PythonObjectSpace {

	/**
	 * Finds or creates an object.
	 * @param type the type
	 * @param name the name
	 * @param initial what a new object starts with, as the engine takes it (permits,
	 * parties, maximum size, the lock of a condition, a value's initial value); ignored
	 * when the object exists
	 * @return the object
	 * @throws io.sharedstate.api.SharedTypeMismatchException if the name belongs to
	 * another type
	 */
	SharedObject open(SharedType type, String name, Object initial);

	/**
	 * Returns an existing object, as a value to store in another object or to pass as a
	 * condition's lock.
	 * @param name the name
	 * @return the object, or {@code null} if no object has the name
	 */
	SharedObject find(String name);

	/**
	 * Removes an object, when the last Python reference to an object a Python client
	 * created is gone.
	 * @param name the name
	 */
	void destroy(String name);

	/**
	 * Starts the session of a new Python client.
	 * @param client the client's name as it gave it to {@code accept_connection}
	 * @param address where it connects from
	 * @return the session
	 */
	PythonSession openSession(String client, InetSocketAddress address);

	/**
	 * The objects as one Python client uses them.
	 */
	interface PythonSession extends AutoCloseable {

		/**
		 * Returns an existing object bound to this session: locks it acquires, permits it
		 * takes are this session's.
		 * @param type the object's type
		 * @param name its name
		 * @return the object
		 * @throws IllegalStateException if the object no longer exists
		 */
		SharedObject object(SharedType type, String name);

		/**
		 * Ends the session: the client's connection is gone and will not come back
		 * (Python proxies do not reconnect). Called once, on the thread that served the
		 * client.
		 */
		@Override
		void close();

	}

}
