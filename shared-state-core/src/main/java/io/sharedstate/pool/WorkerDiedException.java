package io.sharedstate.pool;

import io.sharedstate.api.SharedStateException;

/**
 * The cause of a task's failure when the worker running it died (it was killed, crashed
 * or lost its connection to the manager) and the task had already been run once before on
 * a worker that died: a task is run at most twice.
 */
public class WorkerDiedException extends SharedStateException {

	public WorkerDiedException(String message) {
		super(message);
	}

}
