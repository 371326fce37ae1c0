package io.sharedstate.api;

/**
 * Thrown when no manager server answers at the configured address within the connect
 * timeout.
 */
public class SharedStateUnavailableException extends SharedStateException {

	public SharedStateUnavailableException(String message) {
		super(message);
	}

	public SharedStateUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
