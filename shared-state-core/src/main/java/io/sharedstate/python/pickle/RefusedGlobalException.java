package io.sharedstate.python.pickle;

/**
 * A pickle names a global (a class or function) that is not allowed. It is thrown when
 * the name is read, before anything it names could be called or built.
 */
public class RefusedGlobalException extends PickleException {

	private static final long serialVersionUID = 1L;

	private final String global;

	/**
	 * Creates the exception.
	 * @param global the refused name, {@code module.name}
	 * @param message why it is refused and what to send instead
	 */
	public RefusedGlobalException(String global, String message) {
		super(message);
		this.global = global;
	}

	/**
	 * Returns the refused name.
	 * @return {@code module.name}
	 */
	public String global() {
		return this.global;
	}

}
