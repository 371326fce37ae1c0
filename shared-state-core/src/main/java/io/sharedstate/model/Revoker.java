package io.sharedstate.model;

/**
 * Gives back the result of a blocking call its caller will not use: it was interrupted or
 * gave up just as the result came.
 */
@FunctionalInterface
public interface Revoker {

	/**
	 * Gives the result back.
	 * @param result the result the caller will not use
	 */
	void giveBack(Object result);

}
