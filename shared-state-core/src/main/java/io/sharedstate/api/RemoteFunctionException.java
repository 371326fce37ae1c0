package io.sharedstate.api;

/**
 * Thrown on the caller when code running on the manager server (a function it sent, or a
 * method of a custom shared object) failed there with an exception that cannot be
 * recreated locally. The message carries the server-side exception's class and message;
 * the cause, a {@link RemoteCause}, carries its stack trace.
 */
public class RemoteFunctionException extends SharedStateException {

	public RemoteFunctionException(String message) {
		super(message);
	}

	public RemoteFunctionException(String message, Throwable cause) {
		super(message, cause);
	}

}
