package io.sharedstate.api;

/**
 * Thrown when the connection to the manager server breaks during a call. The call may or
 * may not have taken effect on the server; the next call reconnects.
 */
public class SharedStateConnectionException extends SharedStateException {

	public SharedStateConnectionException(String message) {
		super(message);
	}

	public SharedStateConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
