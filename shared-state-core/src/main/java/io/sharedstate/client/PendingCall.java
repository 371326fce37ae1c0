package io.sharedstate.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A request awaiting its reply: either a thread parked for it (synchronous call) or a
 * future (asynchronous call). Completed exactly once, by whichever thread reads the
 * reply.
 */
final class PendingCall {

	final Thread waiter;

	final CompletableFuture<Object> future;

	/**
	 * Whether the request may wait on the server (a lock, a queue take), so an interrupt
	 * cancels it.
	 */
	final boolean blocking;

	/**
	 * Whether the reply may wait to be read until some thread reads anyway (a release or
	 * a signal whose outcome only matters when it fails), instead of waking the reply
	 * reader.
	 */
	volatile boolean lazy;

	private final Object target;

	private final String operation;

	/** How long the caller allowed for the reply, for messages. */
	final long timeoutMillis;

	volatile int requestId;

	volatile long deadlineNanos;

	/**
	 * Set once a cancel was sent for this call, by its thread or by the connection's
	 * watchdog.
	 */
	volatile boolean cancelRequested;

	/**
	 * Set when the caller gave up on a call that may still be granted: gives back a late
	 * grant.
	 */
	volatile Consumer<Object> revoker;

	private volatile boolean done;

	private Object value;

	private RuntimeException failure;

	private PendingCall(Thread waiter, CompletableFuture<Object> future, boolean blocking, Object target,
			String operation, long timeoutMillis) {
		this.waiter = waiter;
		this.future = future;
		this.blocking = blocking;
		this.target = target;
		this.operation = operation;
		this.timeoutMillis = timeoutMillis;
		this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
	}

	static PendingCall sync(Object target, String operation, long timeoutMillis) {
		return new PendingCall(Thread.currentThread(), null, false, target, operation, timeoutMillis);
	}

	static PendingCall blocking(Object target, String operation, long timeoutMillis) {
		return new PendingCall(Thread.currentThread(), null, true, target, operation, timeoutMillis);
	}

	static PendingCall async(Object target, String operation, long timeoutMillis) {
		return new PendingCall(null, new CompletableFuture<>(), false, target, operation, timeoutMillis);
	}

	/**
	 * Describes the call for error messages, e.g. {@code dict 'orders' PUT}; built only
	 * on failure.
	 * @return the description
	 */
	String description() {
		return this.target + " " + this.operation;
	}

	boolean isAsync() {
		return this.future != null;
	}

	boolean isDone() {
		return this.done;
	}

	boolean isOverdue(long now) {
		return now - this.deadlineNanos >= 0;
	}

	void complete(Object result) {
		this.value = result;
		this.done = true;
		if (this.future != null) {
			this.future.complete(result);
		}
		else {
			LockSupport.unpark(this.waiter);
		}
	}

	void fail(RuntimeException ex) {
		this.failure = ex;
		this.done = true;
		if (this.future != null) {
			this.future.completeExceptionally(ex);
		}
		else {
			LockSupport.unpark(this.waiter);
		}
	}

	boolean failed() {
		return this.failure != null;
	}

	RuntimeException failure() {
		return this.failure;
	}

	Object result() {
		if (this.failure != null) {
			// Rethrown on the caller's thread: keep the caller's stack, with the reader's
			// as cause.
			this.failure.fillInStackTrace();
			throw this.failure;
		}
		return this.value;
	}

}
