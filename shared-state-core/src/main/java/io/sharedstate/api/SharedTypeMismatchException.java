package io.sharedstate.api;

/**
 * Thrown when a name already belongs to a shared object of another type, for example
 * asking for {@code list("orders")} when {@code "orders"} is a dict.
 */
public class SharedTypeMismatchException extends SharedStateException {

	public SharedTypeMismatchException(String message) {
		super(message);
	}

	/**
	 * Creates the exception for a name that exists with another type.
	 * @param name the name asked for
	 * @param existing the type the name belongs to
	 * @param requested the type asked for
	 * @return the exception
	 */
	public static SharedTypeMismatchException of(String name, SharedType existing, SharedType requested) {
		return of(name, existing.toString(), requested.toString());
	}

	/**
	 * Creates the exception for a name that exists with another type, described in words,
	 * such as {@code dict} or {@code 'Matrix' object} for a custom type.
	 * @param name the name asked for
	 * @param existing the type the name belongs to
	 * @param requested the type asked for
	 * @return the exception
	 */
	public static SharedTypeMismatchException of(String name, String existing, String requested) {
		return new SharedTypeMismatchException("'" + name + "' is already a shared " + existing
				+ "; it cannot be used as a " + requested + ". Use another name for the " + requested + ".");
	}

}
