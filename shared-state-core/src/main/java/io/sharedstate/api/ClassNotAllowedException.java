package io.sharedstate.api;

/**
 * Thrown when a value or function names a class that deserialization is not allowed to
 * instantiate. The message names the class and the setting (allowed packages) that would
 * allow it.
 */
public class ClassNotAllowedException extends SharedStateException {

	public ClassNotAllowedException(String message) {
		super(message);
	}

	public ClassNotAllowedException(String message, Throwable cause) {
		super(message, cause);
	}

}
