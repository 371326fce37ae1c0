package io.sharedstate.api;

/**
 * Base class of the failures this library reports: unreachable or lost managers, refused
 * authentication, refused classes, type clashes and timeouts.
 */
public class SharedStateException extends RuntimeException {

	public SharedStateException(String message) {
		super(message);
	}

	public SharedStateException(String message, Throwable cause) {
		super(message, cause);
	}

}
