package io.sharedstate.client;

import java.util.concurrent.CompletableFuture;
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

	private final Object target;

	private final String operation;

	volatile long deadlineNanos;

	/**
	 * Set when the caller gave up on a call that may still be granted: gives back a late
	 * grant.
	 */
	volatile Consumer<Object> revoker;

	private volatile boolean done;

	private Object value;

	private RuntimeException failure;

	private PendingCall(Thread waiter, CompletableFuture<Object> future, Object target, String operation,
			long deadlineNanos) {
		this.waiter = waiter;
		this.future = future;
		this.target = target;
		this.operation = operation;
		this.deadlineNanos = deadlineNanos;
	}

	static PendingCall sync(Object target, String operation, long deadlineNanos) {
		return new PendingCall(Thread.currentThread(), null, target, operation, deadlineNanos);
	}

	static PendingCall async(Object target, String operation, long deadlineNanos) {
		return new PendingCall(null, new CompletableFuture<>(), target, operation, deadlineNanos);
	}

	/**
	 * Describes the call for error messages, e.g. {@code dict 'orders' put}; built only
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
