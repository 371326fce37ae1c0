package io.sharedstate.api;

/**
 * A call was made through a manager that was closed. What its process held was released
 * (or will be, after the server's grace period), so a release made after the close has
 * nothing left to do.
 */
public class ManagerClosedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message which manager
	 */
	public ManagerClosedException(String message) {
		super(message);
	}

}
