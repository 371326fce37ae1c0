package io.sharedstate.pool;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A submitted task in its creator: what to send, the future to complete, and where it is.
 * Fields other than the final ones are guarded by the {@link Dispatcher}.
 */
final class TaskRecord {

	final long id;

	final PoolTask task;

	final byte[] payload;

	final CompletableFuture<Object> future = new CompletableFuture<>();

	/** How many times a worker started it. */
	int attempts;

	/** When a worker last started it, or {@code null} while it waits. */
	Instant started;

	/** Its timeout while it runs, if the pool has one. */
	volatile ScheduledFuture<?> timeout;

	TaskRecord(long id, PoolTask task, byte[] payload) {
		this.id = id;
		this.task = task;
		this.payload = payload;
	}

	void cancelTimeout() {
		ScheduledFuture<?> current = this.timeout;
		if (current != null) {
			current.cancel(false);
		}
	}

	/**
	 * Runs the task in this process, for the tasks {@code shutdownNow} hands back.
	 * @return a runnable that runs it and completes its future
	 */
	Runnable runHere() {
		return () -> {
			try {
				Object result = this.task.run();
				this.future.complete((result instanceof ValueList chunk) ? chunk.values() : result);
			}
			catch (Exception | Error ex) {
				this.future.completeExceptionally(ex);
			}
		};
	}

}
