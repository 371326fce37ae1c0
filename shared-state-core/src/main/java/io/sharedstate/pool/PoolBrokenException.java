package io.sharedstate.pool;

import io.sharedstate.api.SharedStateException;

/**
 * A pool stopped working: its initializer failed in a worker, its workers could not be
 * started, or it lost its manager. Queued and running tasks fail with this exception and
 * new ones are refused; the cause says what went wrong.
 */
public class PoolBrokenException extends SharedStateException {

	public PoolBrokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
