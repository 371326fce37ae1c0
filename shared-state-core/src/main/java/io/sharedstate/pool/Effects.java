package io.sharedstate.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link Dispatcher} decided and its pool must now do, outside the dispatcher's
 * lock: messages to send, workers to stop or start, futures to complete.
 */
final class Effects {

	final List<Send> sends = new ArrayList<>();

	final List<Dispatcher.Worker> stops = new ArrayList<>();

	final List<Dispatcher.Worker> starts = new ArrayList<>();

	final List<Outcome> outcomes = new ArrayList<>();

	boolean terminated;

	/**
	 * A message for a worker.
	 *
	 * @param worker the worker
	 * @param message the message
	 * @param task the task a {@code RUN} carries, else {@code null}
	 */
	record Send(Dispatcher.Worker worker, Message message, TaskRecord task) {

	}

	/**
	 * How a task ended.
	 *
	 * @param task the task
	 * @param value its result, when it succeeded
	 * @param failure why it failed, or {@code null}
	 * @param nanos how long it ran on a worker
	 */
	record Outcome(TaskRecord task, Object value, Throwable failure, long nanos) {

	}

}
