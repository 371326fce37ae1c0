package io.sharedstate.api;

/**
 * Thrown when a value or function refers to a class that is not on the classpath of the
 * process decoding it, typically a function whose class the manager server does not have.
 */
public class MissingClassException extends SharedStateException {

	public MissingClassException(String message) {
		super(message);
	}

	public MissingClassException(String message, Throwable cause) {
		super(message, cause);
	}

}
