package io.sharedstate.pool;

import io.sharedstate.api.SharedStateException;

/**
 * Thrown by the blocking calls of a pool ({@code apply}, {@code map}, {@code starmap},
 * the streams of {@code mapUnordered}) when a task failed. The cause is what the task
 * threw in the worker, with the worker's stack trace, or a {@link WorkerDiedException},
 * {@link TaskTimeoutException} or {@link PoolBrokenException}.
 */
public class TaskFailedException extends SharedStateException {

	public TaskFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
