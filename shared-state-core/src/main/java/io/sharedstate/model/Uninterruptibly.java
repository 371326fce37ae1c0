package io.sharedstate.model;

/**
 * Runs an interruptible wait to the end, keeping an interrupt for afterwards: what
 * {@code lock()} and {@code awaitUninterruptibly()} do with their interruptible twins.
 */
public final class Uninterruptibly {

	private Uninterruptibly() {
	}

	/**
	 * Runs the wait, again after each interrupt, and restores the interrupt status.
	 * @param wait the wait
	 */
	public static void run(InterruptibleWait wait) {
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
