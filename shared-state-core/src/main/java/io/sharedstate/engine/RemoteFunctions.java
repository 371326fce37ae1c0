package io.sharedstate.engine;

import java.io.Serializable;
import java.util.Objects;

/**
 * Checks functions before they are shipped to the manager server.
 */
public final class RemoteFunctions {

	private RemoteFunctions() {
	}

	/**
	 * Returns the function if it can travel to the server.
	 * @param <F> the function type
	 * @param function the function
	 * @param operation the operation, for the message
	 * @return the function
	 * @throws NullPointerException if it is {@code null}
	 * @throws IllegalArgumentException if it is not serializable
	 */
	public static <F> F check(F function, String operation) {
		Objects.requireNonNull(function, "function");
		if (!(function instanceof Serializable)) {
			throw new IllegalArgumentException(operation
					+ " on a shared object runs its function on the manager server, "
					+ "so the function must be serializable: pass the lambda or method reference directly (it then "
					+ "targets the Serializable... overload), or use a class implementing java.io.Serializable. Got "
					+ function.getClass().getName());
		}
		return function;
	}

}
