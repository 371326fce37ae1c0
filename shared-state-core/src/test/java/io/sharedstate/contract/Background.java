package io.sharedstate.contract;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call that runs on a thread of its own, so a test can let it block on a shared object,
 * see that it waits, interrupt it, and collect its result or exception. Every wait for it
 * is bounded.
 *
 * @param <T> the call's result
 */
public final class Background<T> {

	/** How long a background call may take to finish or to start waiting. */
	public static final Duration PATIENCE = Duration.ofSeconds(20);

	/**
	 * The frames a thread is in while it waits on a shared object: a wait parked in this
	 * JVM's engine, or a request already written to the manager server, which serves a
	 * connection's requests in order.
	 */
	private static final Set<String> WAITING_FRAMES = Set.of("io.sharedstate.engine.LocalWaits.await",
			"java.util.concurrent.CompletableFuture.get", "io.sharedstate.client.ClientConnection.awaitReply");

	private final CompletableFuture<T> result = new CompletableFuture<>();

	private final Thread thread;

	private Background(String name, Callable<T> call) {
		this.thread = new Thread(() -> {
			try {
				this.result.complete(call.call());
			}
			catch (Throwable ex) {
				this.result.completeExceptionally(ex);
			}
		}, name);
		this.thread.setDaemon(true);
	}

	/**
	 * Starts a call on a new thread.
	 * @param <T> the result type
	 * @param name the thread's name
	 * @param call the call
	 * @return the running call
	 */
	public static <T> Background<T> start(String name, Callable<T> call) {
		Background<T> background = new Background<>(name, call);
		background.thread.start();
		return background;
	}

	/**
	 * Returns the thread the call runs on.
	 * @return the thread
	 */
	public Thread thread() {
		return this.thread;
	}

	/**
	 * Interrupts the call's thread.
	 * @return this call
	 */
	public Background<T> interrupt() {
		this.thread.interrupt();
		return this;
	}

	/**
	 * Waits until the call waits on a shared object: parked in this JVM's engine, or its
	 * request sent to the server, so that a later request of the same manager is served
	 * after it.
	 * @return this call
	 * @throws AssertionError if the call finishes first, or does not wait in time
	 */
	public Background<T> awaitWaiting() {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (this.result.isDone()) {
				throw new AssertionError(this.thread.getName() + " finished instead of waiting: " + describeResult());
			}
			for (StackTraceElement frame : this.thread.getStackTrace()) {
				if (WAITING_FRAMES.contains(frame.getClassName() + "." + frame.getMethodName())) {
					return this;
				}
			}
			pause();
		}
		throw new AssertionError(this.thread.getName() + " did not start waiting within " + PATIENCE);
	}

	/**
	 * Asserts the call is still waiting after a while: for what must <em>not</em> happen.
	 * @param window how long to watch
	 * @return this call
	 * @throws AssertionError if the call finished meanwhile
	 */
	public Background<T> assertStillWaitingAfter(Duration window) {
		try {
			this.result.get(window.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return this;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted watching " + this.thread.getName(), ex);
		}
		catch (ExecutionException ex) {
			// reported below
		}
		throw new AssertionError(this.thread.getName() + " should still wait, but finished: " + describeResult());
	}

	/**
	 * Returns whether the call has finished.
	 * @return whether it finished, normally or not
	 */
	public boolean isDone() {
		return this.result.isDone();
	}

	/**
	 * Waits for the call to finish and returns its result.
	 * @return the result
	 * @throws Exception what the call threw
	 * @throws AssertionError if it does not finish in time
	 */
	public T get() throws Exception {
		return get(PATIENCE);
	}

	/**
	 * Waits for the call to finish and returns its result.
	 * @param timeout how long to wait
	 * @return the result
	 * @throws Exception what the call threw
	 * @throws AssertionError if it does not finish in time
	 */
	public T get(Duration timeout) throws Exception {
		try {
			return this.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError(this.thread.getName() + " did not finish within " + timeout + "; it is at "
					+ stack(this.thread.getStackTrace()));
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Exception failure) {
				throw failure;
			}
			throw (Error) ex.getCause();
		}
	}

	private String describeResult() {
		try {
			return String.valueOf(this.result.getNow(null));
		}
		catch (RuntimeException ex) {
			return ex.getCause().toString();
		}
	}

	private static String stack(StackTraceElement[] frames) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(frames.length, 12); i++) {
			text.append("\n\tat ").append(frames[i]);
		}
		return text.toString();
	}

	private static void pause() {
		try {
			Thread.sleep(2);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

}
