package io.sharedstate;

/**
 * Thrown on the caller when a function it sent to the manager server failed there with an
 * exception that cannot be recreated locally. The message carries the server-side
 * exception's class and message.
 */
public class RemoteFunctionException extends SharedStateException {

	public RemoteFunctionException(String message) {
		super(message);
	}

	public RemoteFunctionException(String message, Throwable cause) {
		super(message, cause);
	}

}
