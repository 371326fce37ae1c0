package io.sharedstate.model;

import java.util.Objects;

/**
 * Checks on functions given to shared objects.
 */
public final class Functions {

	private Functions() {
	}

	/**
	 * Checks that a function can run where the object lives.
	 * @param <F> the function type
	 * @param handle the object's handle
	 * @param function the function
	 * @param operation the method it was given to, for the message
	 * @return the function
	 * @throws IllegalArgumentException if it cannot travel to the object's host
	 */
	public static <F> F requireRunnableOnHost(ObjectHandle handle, F function, String operation) {
		Objects.requireNonNull(function, "function");
		if (!handle.runsOnHost(function)) {
			throw new IllegalArgumentException(operation + " on the " + handle.type() + " '" + handle.name()
					+ "' runs its function on the manager server, so the function must be serializable: pass the "
					+ "lambda or method reference directly to the shared object (it then targets the Serializable... "
					+ "overload), or use a class implementing java.io.Serializable. Got "
					+ function.getClass().getName());
		}
		return function;
	}

}
