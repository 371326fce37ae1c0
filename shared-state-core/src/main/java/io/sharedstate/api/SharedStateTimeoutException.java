package io.sharedstate.api;

/**
 * Thrown when the manager server does not answer a call within the call timeout.
 */
public class SharedStateTimeoutException extends SharedStateException {

	public SharedStateTimeoutException(String message) {
		super(message);
	}

	public SharedStateTimeoutException(String message, Throwable cause) {
		super(message, cause);
	}

}
