package io.sharedstate.pool;

import io.sharedstate.api.SharedStateException;

/**
 * The cause of a task's failure when it ran longer than the pool's task timeout. The
 * worker running it was stopped (a worker JVM the pool started is killed and replaced),
 * so the task does not go on running.
 */
public class TaskTimeoutException extends SharedStateException {

	public TaskTimeoutException(String message) {
		super(message);
	}

}
