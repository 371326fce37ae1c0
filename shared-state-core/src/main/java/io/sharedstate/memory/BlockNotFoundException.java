package io.sharedstate.memory;

/**
 * Thrown when no shared memory block has the name asked for, like Python's
 * {@code FileNotFoundError} from {@code SharedMemory(name)}.
 */
public class BlockNotFoundException extends SharedMemoryException {

	public BlockNotFoundException(String message) {
		super(message);
	}

}
