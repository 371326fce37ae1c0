package io.sharedstate.pool;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What a worker runs: the user's task wrapped with what to do with it, serialized as one
 * object so the worker needs nothing else to run it. The user's objects are held in
 * fields of type {@code Object}: when a lambda's class is missing, deserializing then
 * reports that class rather than a failed cast of the unresolved lambda.
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
	 */
	final class Call implements PoolTask {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Object callable;

		Call(Callable<?> callable) {
			this.callable = callable;
		}

		Object callable() {
			return this.callable;
		}

		@Override
		public Object run() throws Exception {
			return ((Callable<?>) this.callable).call();
		}

	}

	/**
	 * A runnable; the object must be serializable.
	 */
	final class Run implements PoolTask {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Object runnable;

		Run(Runnable runnable) {
			this.runnable = runnable;
		}

		Object runnable() {
			return this.runnable;
		}

		@Override
		public Object run() {
			((Runnable) this.runnable).run();
			return null;
		}

	}

	/**
	 * A chunk of a map: a function applied to each of its items in order.
	 */
	final class MapChunk implements PoolTask {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Object function;

		private final ValueList items;

		MapChunk(TaskFunction<Object, Object> function, List<Object> items) {
			this.function = function;
			this.items = new ValueList(items);
		}

		@Override
		@SuppressWarnings("unchecked")
		public Object run() throws Exception {
			TaskFunction<Object, Object> apply = (TaskFunction<Object, Object>) this.function;
			List<Object> results = new ArrayList<>(this.items.values().size());
			for (Object item : this.items.values()) {
				results.add(apply.apply(item));
			}
			return new ValueList(results);
		}

	}

	/**
	 * A chunk of a starmap: a two-argument function applied to each pair in order.
	 */
	final class StarmapChunk implements PoolTask {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Object function;

		private final ValueList firsts;

		private final ValueList seconds;

		StarmapChunk(TaskBiFunction<Object, Object, Object> function, List<Object> firsts, List<Object> seconds) {
			this.function = function;
			this.firsts = new ValueList(firsts);
			this.seconds = new ValueList(seconds);
		}

		@Override
		@SuppressWarnings("unchecked")
		public Object run() throws Exception {
			TaskBiFunction<Object, Object, Object> apply = (TaskBiFunction<Object, Object, Object>) this.function;
			List<Object> first = this.firsts.values();
			List<Object> second = this.seconds.values();
			List<Object> results = new ArrayList<>(first.size());
			for (int i = 0; i < first.size(); i++) {
				results.add(apply.apply(first.get(i), second.get(i)));
			}
			return new ValueList(results);
		}

	}

}
