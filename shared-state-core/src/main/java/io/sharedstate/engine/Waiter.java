package io.sharedstate.engine;

import java.util.concurrent.CompletableFuture;

/**
 * One parked wait: a future that a state change completes. It is <em>settled</em>
 * (granted, timed out or cancelled) exactly once, under the monitor of the object it
 * waits on, so a cancel racing a grant either wins cleanly or fails and leaves the grant
 * to be revoked.
 *
 * @param <T> what the wait yields
 */
public final class Waiter<T> extends CompletableFuture<T> {

	private final ParkedWaiters<T> queue;

	private final Owner owner;

	private final Object request;

	private boolean settled;

	Waiter(ParkedWaiters<T> queue, Owner owner, Object request) {
		this.queue = queue;
		this.owner = owner;
		this.request = request;
	}

	/**
	 * Returns who waits.
	 * @return the owner
	 */
	public Owner owner() {
		return this.owner;
	}

	/**
	 * Returns what the waiter asked for (permits wanted, an item to put...).
	 * @param <R> its type
	 * @return the request, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public <R> R request() {
		return (R) this.request;
	}

	/**
	 * Marks the waiter served; call under the monitor. The caller completes it
	 * afterwards, outside the monitor.
	 * @return whether it was still waiting
	 */
	boolean settle() {
		if (this.settled) {
			return false;
		}
		this.settled = true;
		return true;
	}

	/**
	 * Cancels the wait if it has not been served yet.
	 * @param mayInterruptIfRunning ignored
	 * @return whether the wait was cancelled (it was not granted)
	 */
	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		synchronized (this.queue.monitor()) {
			if (!this.queue.withdraw(this)) {
				return false;
			}
		}
		super.cancel(mayInterruptIfRunning);
		this.queue.cancelled(this);
		return true;
	}

}
