package io.sharedstate.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How a thread of the hosting process waits on a parked call.
 */
final class LocalWaits {

	private LocalWaits() {
	}

	/**
	 * Waits for a result to the end, keeping an interrupt for afterwards.
	 * @param pending the result
	 * @return the result
	 */
	static Object uninterruptibly(CompletableFuture<Object> pending) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return pending.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					throw unwrap(ex);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static RuntimeException unwrap(ExecutionException failure) {
		if (failure.getCause() instanceof RuntimeException cause) {
			return cause;
		}
		return new IllegalStateException(failure.getCause());
	}

}
