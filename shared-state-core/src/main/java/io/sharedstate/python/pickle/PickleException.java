package io.sharedstate.python.pickle;

/**
 * A pickle could not be read (it is malformed or uses what this reader does not support)
 * or a value could not be written.
 */
public class PickleException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 */
	public PickleException(String message) {
		super(message);
	}

}
