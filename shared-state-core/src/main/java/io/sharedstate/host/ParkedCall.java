package io.sharedstate.host;

import java.util.concurrent.CompletableFuture;

import io.sharedstate.model.Operation;

/**
 * A call a transition parked: completed by the transition that serves it, by its timeout,
 * or cancelled by its caller. The front-end that made the call delivers the result and,
 * when it cannot, gives it back through {@link ObjectHost#giveBack}.
 */
public final class ParkedCall extends CompletableFuture<Object> {

	private final ObjectHost host;

	private final HostedObject target;

	private final Operation operation;

	private final Object[] args;

	private final CallContext context;

	private final long waitId;

	ParkedCall(ObjectHost host, HostedObject target, Operation operation, Object[] args, CallContext context,
			long waitId) {
		this.host = host;
		this.target = target;
		this.operation = operation;
		this.args = args;
		this.context = context;
		this.waitId = waitId;
	}

	/**
	 * Returns the object the call waits on.
	 * @return the object
	 */
	public HostedObject target() {
		return this.target;
	}

	/**
	 * Returns the operation that waits.
	 * @return the operation
	 */
	public Operation operation() {
		return this.operation;
	}

	Object[] args() {
		return this.args;
	}

	CallContext context() {
		return this.context;
	}

	long waitId() {
		return this.waitId;
	}

	/**
	 * Cancels the wait, unless it was served already.
	 * @param mayInterruptIfRunning ignored
	 * @return whether it was cancelled; {@code false} when its result is on the way
	 */
	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		return this.host.cancel(this);
	}

	boolean cancelled() {
		return super.cancel(false);
	}

	/**
	 * Gives back the result of this call, which its caller did not get.
	 * @param result the result
	 */
	public void giveBack(Object result) {
		this.host.giveBack(this.target, this.operation, this.args, result, this.context.session().id());
	}

}
