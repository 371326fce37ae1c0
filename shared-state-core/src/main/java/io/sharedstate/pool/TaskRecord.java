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

	/** How many times it was sent to a worker. */
	int attempts;

	/** When it was last sent to a worker. */
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
				this.future.complete(this.task.run());
			}
			catch (Exception | Error ex) {
				this.future.completeExceptionally(ex);
			}
		};
	}

}
