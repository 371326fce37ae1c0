package io.sharedstate.model;

import java.io.ObjectStreamException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

/**
 * What a proxy calls its object through, wherever the object lives: in this JVM, on a
 * manager server, in a cluster. Every engine implements it; proxies are written once
 * against it.
 */
public interface ObjectHandle {

	/**
	 * Returns the object's name.
	 * @return the name
	 */
	String name();

	/**
	 * Returns the object's type.
	 * @return the type
	 */
	SharedType type();

	/**
	 * Returns the value the object was opened with (the parties of a barrier, the type id
	 * of a custom object...).
	 * @return the value, or {@code null}
	 */
	Object initial();

	/**
	 * Runs an operation that does not wait and returns its result.
	 * @param operation the operation
	 * @param args its arguments
	 * @return the result
	 */
	Object call(Operation operation, Object... args);

	/**
	 * Runs an operation, naming the call in error messages with a description of its own,
	 * such as the method a custom object's proxy calls.
	 * @param description what the call does, e.g. {@code set(int,int,int)}
	 * @param operation the operation
	 * @param args its arguments
	 * @return the result
	 */
	Object callAs(String description, Operation operation, Object[] args);

	/**
	 * Runs an operation without waiting for its result; calls of one thread run in the
	 * order they were made.
	 * @param <T> the result type
	 * @param operation the operation
	 * @param args its arguments
	 * @return the result's future
	 */
	<T> CompletableFuture<T> callAsync(Operation operation, Object... args);

	/**
	 * Runs an operation that may wait, such as acquiring a lock. Interrupting the caller
	 * cancels the wait; a result that won the race is handed to the revoker.
	 * @param operation the operation
	 * @param wait how long it may wait, {@code null} for ever
	 * @param revoker gives back a result the caller will not use; {@code null} for a
	 * result that is given back by the host unless the caller confirms it got it (a queue
	 * item)
	 * @param args its arguments
	 * @return the result
	 * @throws InterruptedException if the caller was interrupted; nothing is left granted
	 */
	Object callBlocking(Operation operation, Duration wait, Revoker revoker, Object... args)
			throws InterruptedException;

	/**
	 * Sends an operation whose result the caller does not wait for, such as an unlock;
	 * calls of one thread run in order, so a later call sees its effect.
	 * @param operation the operation
	 * @param args its arguments
	 * @return the result's future, for reporting a failure
	 */
	CompletableFuture<Object> send(Operation operation, Object... args);

	/**
	 * Returns whether the object's host can run a function itself: always where the
	 * object lives in this JVM; for a remote object, only when the function can travel
	 * (it is serializable). A proxy runs any other function in the caller, with the
	 * compare-and-replace loop that {@link java.util.concurrent.ConcurrentMap}'s default
	 * methods use.
	 * @param function the function
	 * @return whether to send it to the host
	 */
	boolean runsOnHost(Object function);

	/**
	 * Returns a proxy of another object of the same manager, creating the object if
	 * needed.
	 * @param <T> the proxy type
	 * @param type the object's type
	 * @param name its name
	 * @param initial its initial value, if it is created
	 * @return the proxy
	 */
	<T extends SharedObject> T open(SharedType type, String name, Object initial);

	/**
	 * Opens another object of the same manager through a view whose every call is applied
	 * only while a hold of this handle's lock is current, and refused otherwise (see
	 * {@link io.sharedstate.model.Fence}).
	 * @param <T> the proxy type
	 * @param object the object
	 * @param thread the holding thread
	 * @param fence the fence of its hold
	 * @return the fenced proxy
	 */
	<T extends SharedObject> T openFenced(T object, long thread, long fence);

	/**
	 * Returns the generation of this process's session with the object's host, reaching
	 * the host first if the connection was lost. It changes when the host ended the
	 * session (the process was gone for longer than the grace period, or the host
	 * restarted), which voids every lock hold taken before.
	 * @return the generation
	 */
	long sessionEpoch();

	/**
	 * Returns the generation of the session as last learned, without reaching the host.
	 * @return the generation
	 */
	long knownSessionEpoch();

	/**
	 * Tells the handle's engine that a lock was taken or let go, for metrics.
	 * @param acquired whether it was taken (else released)
	 * @param nanos how long the caller waited for it, or held it
	 */
	void lockEvent(boolean acquired, long nanos);

	/**
	 * Returns what a proxy serializes to, so that it reconnects in another process.
	 * @return the reference
	 * @throws ObjectStreamException if the object cannot travel (an in-process manager's)
	 */
	Object writeReplace() throws ObjectStreamException;

	/**
	 * Returns whether another handle addresses the same object through the same manager.
	 * @param other the other handle
	 * @return whether the object is the same
	 */
	boolean sameObject(ObjectHandle other);

}
