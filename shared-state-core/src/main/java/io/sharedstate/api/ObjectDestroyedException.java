package io.sharedstate.api;

/**
 * The shared object was destroyed (see {@code SharedState.destroy}) while this proxy
 * still referred to it, or while a call waited on it. Opening the name again creates a
 * new object.
 */
public class ObjectDestroyedException extends SharedStateException {

	/**
	 * Creates the exception.
	 * @param message what was destroyed and what to do
	 */
	public ObjectDestroyedException(String message) {
		super(message);
	}

	/**
	 * Creates the exception for an object.
	 * @param type its type
	 * @param name its name
	 * @return the exception
	 */
	public static ObjectDestroyedException of(SharedType type, String name) {
		return new ObjectDestroyedException(
				"The " + type + " '" + name + "' was destroyed; open '" + name + "' again to create a new one");
	}

}
