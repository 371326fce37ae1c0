package io.sharedstate.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link Dispatcher} decided and its pool must now do, outside the dispatcher's
 * lock: messages to send, timeouts to start, workers to stop or start, futures to
 * complete.
 */
final class Effects {

	final List<Send> sends = new ArrayList<>();

	final List<Started> started = new ArrayList<>();

	final List<Dispatcher.Worker> stops = new ArrayList<>();

	final List<Dispatcher.Worker> starts = new ArrayList<>();

	final List<Outcome> outcomes = new ArrayList<>();

	boolean terminated;

	/**
	 * A message for a worker.
	 *
	 * @param worker the worker
	 * @param message the message
	 * @param tasks the tasks a {@code RUN} carries, else empty
	 */
	record Send(Dispatcher.Worker worker, Message message, List<TaskRecord> tasks) {

	}

	/**
	 * A task that a worker starts now (as far as the creator can tell), whose timeout
	 * starts now.
	 *
	 * @param task the task
	 * @param worker the worker
	 */
	record Started(TaskRecord task, String worker) {

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
