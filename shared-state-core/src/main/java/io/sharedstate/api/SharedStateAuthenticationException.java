package io.sharedstate.api;

/**
 * Thrown when a client and a manager server do not share the same authkey, or when the
 * peer is not a shared-state endpoint at all.
 */
public class SharedStateAuthenticationException extends SharedStateException {

	public SharedStateAuthenticationException(String message) {
		super(message);
	}

	public SharedStateAuthenticationException(String message, Throwable cause) {
		super(message, cause);
	}

}
