package io.sharedstate.memory;

/**
 * Thrown when a shared memory block is created under a name that is taken, like Python's
 * {@code FileExistsError} from {@code SharedMemory(name, create=True)}.
 */
public class BlockExistsException extends SharedMemoryException {

	public BlockExistsException(String message) {
		super(message);
	}

}
