package io.sharedstate.python;

import java.util.List;

/**
 * The methods a Python proxy type calls on one kind of shared object, run on the shared
 * type's Java interface.
 */
interface PythonMethods {

	/**
	 * Returns the methods Python may call, as the server reports them in {@code create}
	 * and {@code get_methods} (an {@code AutoProxy} is built from them).
	 * @return the method names
	 */
	List<String> exposed();

	/**
	 * Returns whether Python may call a method.
	 * @param method the method's name
	 * @return whether it is one of {@link #exposed()}
	 */
	default boolean exposes(String method) {
		return exposed().contains(method);
	}

	/**
	 * Returns the proxy class Python rebuilds a pickled reference with.
	 * @return the class's name in {@code multiprocessing.managers}, or {@code null} for
	 * an {@code AutoProxy} built from {@link #exposed()}
	 */
	String proxyClass();

	/**
	 * Runs one exposed method.
	 * @param call the call
	 * @return the result, as a value to pickle, or a {@link ProxyReply}
	 * @throws PythonException to raise a Python exception in the caller
	 * @throws InterruptedException if a blocking call was given up because the client
	 * went away or the server is stopping
	 */
	Object call(MethodCall call) throws InterruptedException;

	/**
	 * Returns a copy of the object's value, for {@code proxy._getvalue()}.
	 * @param call the call
	 * @return the value to pickle
	 * @throws PythonException if the object has no value Python could hold
	 */
	Object value(MethodCall call);

	/**
	 * Describes the object, for {@code str(proxy)} and {@code repr}.
	 * @param call the call
	 * @return the text
	 */
	String repr(MethodCall call);

	/**
	 * A method result that Python receives as a new proxy ({@code #PROXY}), as for
	 * {@code iter(dict_proxy)}.
	 *
	 * @param referent the new object
	 */
	record ProxyReply(Referent referent) {

	}

	/**
	 * A value Python cannot receive ({@code #UNSERIALIZABLE}), like the value of a lock.
	 */
	final class Unserializable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unserializable(String message) {
			super(message, null, false, false);
		}

	}

}
