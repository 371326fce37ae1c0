package io.sharedstate.memory;

import io.sharedstate.api.SharedStateException;

/**
 * Thrown when a shared memory block cannot be created, opened or removed, or does not
 * hold what it was opened as.
 */
public class SharedMemoryException extends SharedStateException {

	public SharedMemoryException(String message) {
		super(message);
	}

	public SharedMemoryException(String message, Throwable cause) {
		super(message, cause);
	}

}
