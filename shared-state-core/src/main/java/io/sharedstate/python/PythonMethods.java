package io.sharedstate.python;

import java.util.List;
import java.util.Set;

/**
 * The methods a Python proxy type calls on one kind of shared object, run on the shared
 * type's Java interface.
 */
abstract class PythonMethods {

	private final String proxyClass;

	private final List<String> exposed;

	private final Set<String> exposedNames;

	/**
	 * Creates the methods of one proxy type.
	 * @param proxyClass the proxy class's name in {@code multiprocessing.managers}, or
	 * {@code null} for an {@code AutoProxy}
	 * @param exposed the methods Python may call
	 */
	PythonMethods(String proxyClass, String... exposed) {
		this.proxyClass = proxyClass;
		this.exposed = List.of(exposed);
		this.exposedNames = Set.of(exposed);
	}

	/**
	 * Returns the methods Python may call, as the server reports them in {@code create}
	 * and {@code get_methods} (an {@code AutoProxy} is built from them).
	 * @return the method names
	 */
	final List<String> exposed() {
		return this.exposed;
	}

	/**
	 * Returns whether Python may call a method.
	 * @param method the method's name
	 * @return whether it is one of {@link #exposed()}
	 */
	final boolean exposes(String method) {
		return this.exposedNames.contains(method);
	}

	/**
	 * Returns the proxy class Python rebuilds a pickled reference with.
	 * @return the class's name in {@code multiprocessing.managers}, or {@code null} for
	 * an {@code AutoProxy} built from {@link #exposed()}
	 */
	final String proxyClass() {
		return this.proxyClass;
	}

	/**
	 * Runs one exposed method.
	 * @param call the call
	 * @return the result, as a value to pickle, or a {@link ProxyReply}
	 * @throws PythonException to raise a Python exception in the caller
	 * @throws InterruptedException if a blocking call was given up because the client
	 * went away or the server is stopping
	 */
	abstract Object call(MethodCall call) throws InterruptedException;

	/**
	 * Returns a copy of the object's value, for {@code proxy._getvalue()}. Objects that
	 * are all behaviour (locks, events...) have none, as in Python's manager.
	 * @param call the call
	 * @return the value to pickle
	 * @throws Unserializable if the object has no value Python could hold
	 */
	Object value(MethodCall call) {
		throw new Unserializable(
				"a shared " + call.referent().typeid() + " cannot be copied to Python; call its " + "methods instead");
	}

	/**
	 * Describes the object, for {@code str(proxy)} and {@code repr}.
	 * @param call the call
	 * @return the text
	 */
	abstract String repr(MethodCall call);

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
	static final class Unserializable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unserializable(String message) {
			super(message, null, false, false);
		}

	}

}
