package io.sharedstate.pool;

import java.io.Serializable;

/**
 * A function a pool applies to items on its workers ({@code map}, {@code mapUnordered}).
 * A lambda or method reference passed where this type is expected is compiled as
 * serializable; unlike {@link java.util.function.Function}, it may throw checked
 * exceptions, which come back as the task's failure.
 *
 * @param <T> the item type
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskFunction<T, R> extends Serializable {

	/**
	 * Applies the function to an item.
	 * @param item the item
	 * @return the result
	 * @throws Exception if it fails
	 */
	R apply(T item) throws Exception;

}
