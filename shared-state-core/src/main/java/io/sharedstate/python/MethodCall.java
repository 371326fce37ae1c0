package io.sharedstate.python;

import java.util.Iterator;

import io.sharedstate.api.SharedObject;

/**
 * One Python method call on a shared object: which object, which method, the arguments,
 * and what the connection offers the method (waiting while watching the client, new
 * iterators).
 */
final class MethodCall {

	private final Referent referent;

	private final SharedObject object;

	private final Args args;

	private final Context context;

	MethodCall(Referent referent, SharedObject object, Args args, Context context) {
		this.referent = referent;
		this.object = object;
		this.args = args;
		this.context = context;
	}

	Referent referent() {
		return this.referent;
	}

	String method() {
		return this.args.method();
	}

	Args args() {
		return this.args;
	}

	<T> T object(Class<T> type) {
		return type.cast(this.object);
	}

	/**
	 * Runs an operation that may wait (a lock, a queue item): the client is watched
	 * meanwhile, and a client that goes away interrupts the wait.
	 * @param <T> the result type
	 * @param operation the operation
	 * @return its result
	 * @throws InterruptedException if the client went away or the server is stopping
	 */
	<T> T waiting(Waiting<T> operation) throws InterruptedException {
		return this.context.waiting(operation);
	}

	/**
	 * Returns a new iterator object, as a proxy.
	 * @param iterator what it walks
	 * @return the reply
	 */
	PythonMethods.ProxyReply iterator(Iterator<?> iterator) {
		return new PythonMethods.ProxyReply(this.context.newIterator(iterator));
	}

	/**
	 * An operation that may wait.
	 *
	 * @param <T> its result type
	 */
	@FunctionalInterface
	interface Waiting<T> {

		T run() throws InterruptedException;

	}

	/**
	 * What the connection offers a method.
	 */
	interface Context {

		<T> T waiting(Waiting<T> operation) throws InterruptedException;

		Referent newIterator(Iterator<?> iterator);

	}

}
