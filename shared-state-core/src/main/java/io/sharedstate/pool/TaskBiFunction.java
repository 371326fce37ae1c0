package io.sharedstate.pool;

import java.io.Serializable;

/**
 * A two-argument function a pool applies to pairs on its workers ({@code starmap}). A
 * lambda or method reference passed where this type is expected is compiled as
 * serializable; it may throw checked exceptions.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskBiFunction<A, B, R> extends Serializable {

	/**
	 * Applies the function to a pair.
	 * @param first the first argument
	 * @param second the second argument
	 * @return the result
	 * @throws Exception if it fails
	 */
	R apply(A first, B second) throws Exception;

}
