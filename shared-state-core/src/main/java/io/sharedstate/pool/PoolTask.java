package io.sharedstate.pool;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a worker runs: the user's task wrapped with what to do with it, serialized as one
 * object so the worker needs nothing else to run it.
 */
sealed interface PoolTask extends Serializable {

	/**
	 * Runs the task.
	 * @return its result (for a chunk, the list of results)
	 * @throws Exception what the task threw
	 */
	Object run() throws Exception;

	/**
	 * A callable; the object must be serializable.
	 *
	 * @param callable the user's task
	 */
	record Call(Callable<?> callable) implements PoolTask {

		@Override
		public Object run() throws Exception {
			return this.callable.call();
		}

	}

	/**
	 * A runnable; the object must be serializable.
	 *
	 * @param runnable the user's task
	 */
	record Run(Runnable runnable) implements PoolTask {

		@Override
		public Object run() {
			this.runnable.run();
			return null;
		}

	}

	/**
	 * A chunk of a map: a function applied to each of its items in order.
	 *
	 * @param function the function
	 * @param items the items
	 */
	record MapChunk(Function<Object, Object> function, ArrayList<Object> items) implements PoolTask {

		@Override
		public Object run() {
			List<Object> results = new ArrayList<>(this.items.size());
			for (Object item : this.items) {
				results.add(this.function.apply(item));
			}
			return results;
		}

	}

	/**
	 * A chunk of a starmap: a two-argument function applied to each pair in order.
	 *
	 * @param function the function
	 * @param firsts the first arguments
	 * @param seconds the second arguments, as many
	 */
	record StarmapChunk(BiFunction<Object, Object, Object> function, ArrayList<Object> firsts,
			ArrayList<Object> seconds) implements PoolTask {

		@Override
		public Object run() {
			List<Object> results = new ArrayList<>(this.firsts.size());
			for (int i = 0; i < this.firsts.size(); i++) {
				results.add(this.function.apply(this.firsts.get(i), this.seconds.get(i)));
			}
			return results;
		}

	}

}
