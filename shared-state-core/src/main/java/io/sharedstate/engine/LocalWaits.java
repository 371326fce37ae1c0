package io.sharedstate.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How a thread of the hosting process waits on a parked future: interruptibly, cancelling
 * the wait on interrupt and giving back a grant that won the race, so nothing is left
 * taken.
 */
public final class LocalWaits {

	private LocalWaits() {
	}

	/**
	 * Waits for a pending result.
	 * @param <T> the result type
	 * @param pending the future from the state object
	 * @return the result
	 * @throws InterruptedException if interrupted; the wait is cancelled or its grant
	 * revoked
	 */
	public static <T> T await(CompletableFuture<T> pending) throws InterruptedException {
		try {
			return pending.get();
		}
		catch (InterruptedException ex) {
			if (!pending.cancel(false)) {
				Object granted = pending.getNow(null);
				if (granted instanceof Revocable grant) {
					grant.revoke();
				}
			}
			throw ex;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Runs an interruptible wait to the end, keeping an interrupt for afterwards.
	 * @param wait the wait
	 */
	public static void uninterruptibly(InterruptibleWait wait) {
		boolean interrupted = false;
		while (true) {
			try {
				wait.run();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A wait that may be interrupted.
	 */
	@FunctionalInterface
	public interface InterruptibleWait {

		/**
		 * Waits.
		 * @throws InterruptedException if interrupted
		 */
		void run() throws InterruptedException;

	}

}
