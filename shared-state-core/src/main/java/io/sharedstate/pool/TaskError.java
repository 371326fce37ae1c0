package io.sharedstate.pool;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;

import io.sharedstate.api.MissingClassException;
import io.sharedstate.api.RemoteCause;
import io.sharedstate.api.RemoteFunctionException;

/**
 * An exception on its way from a worker to the pool's creator: the exception itself,
 * serialized, so that it comes back as what was thrown, with the worker's stack trace;
 * and a description of it (class, message, stack trace, causes), for when it cannot be
 * serialized there or deserialized here.
 */
final class TaskError implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int MAX_CAUSES = 16;

	private final byte[] exception;

	private final RemoteCause description;

	private TaskError(byte[] exception, RemoteCause description) {
		this.exception = exception;
		this.description = description;
	}

	static byte[] serialize(Throwable failure) {
		byte[] exception;
		try {
			exception = Payloads.serialize(failure, "the exception");
		}
		catch (IllegalArgumentException ex) {
			exception = null;
		}
		return Payloads.serialize(new TaskError(exception, describe(failure, 0)), "the exception");
	}

	/**
	 * Recreates the exception sent by a worker.
	 * @param bytes what {@link #serialize} returned
	 * @param worker the worker, for messages
	 * @return the exception as thrown, or a {@link RemoteFunctionException} describing it
	 */
	static Throwable deserialize(byte[] bytes, String worker) {
		TaskError error;
		try {
			error = (TaskError) Payloads.deserialize(bytes);
		}
		catch (IOException | ClassNotFoundException | RuntimeException ex) {
			return new RemoteFunctionException(
					"A task failed on " + worker + ", and its exception cannot be read: " + ex, ex);
		}
		if (error.exception != null) {
			try {
				return (Throwable) Payloads.deserialize(error.exception);
			}
			catch (ClassNotFoundException ex) {
				// the exception's class is only on the worker: describe it instead
			}
			catch (IOException | RuntimeException ex) {
				// a class that differs here: describe it instead
			}
		}
		return new RemoteFunctionException("A task failed on " + worker + " with " + error.description.getMessage(),
				error.description);
	}

	/**
	 * Describes the failure to deserialize a task in a worker.
	 * @param failure what deserializing threw
	 * @param worker the worker, for messages
	 * @return the exception to send back
	 */
	static Exception unreadableTask(Exception failure, String worker) {
		if (failure instanceof ClassNotFoundException) {
			return new MissingClassException("Class " + failure.getMessage() + " of a task is not on the classpath of "
					+ worker + ": start the pool's workers with a classpath that has it (PoolOptions.withClasspath), "
					+ "or join workers whose classpath has it", failure);
		}
		return new MissingClassException(
				"A task cannot be read on " + worker + " (" + failure
						+ "): its classes there differ from the submitter's; give the workers the same version",
				failure);
	}

	private static RemoteCause describe(Throwable failure, int depth) {
		Throwable cause = failure.getCause();
		RemoteCause described = (cause != null && cause != failure && depth < MAX_CAUSES) ? describe(cause, depth + 1)
				: null;
		return new RemoteCause(failure.getClass().getName(), failure.getMessage(), failure.getStackTrace(), described);
	}

}
