package io.sharedstate.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import io.sharedstate.api.SharedStateTimeoutException;
import io.sharedstate.protocol.Ops;

/**
 * The calls of one connection that wait for their replies, by request id, within the
 * server's limit of requests in flight.
 */
final class InFlightCalls {

	private final ConcurrentHashMap<Integer, PendingCall> pending = new ConcurrentHashMap<>();

	private final AtomicInteger requestIds = new AtomicInteger();

	private final AtomicInteger asyncPending = new AtomicInteger();

	private final Semaphore slots;

	private final int maxInFlight;

	private final String address;

	InFlightCalls(int maxInFlight, String address) {
		this.maxInFlight = Math.max(1, maxInFlight);
		this.slots = new Semaphore(this.maxInFlight);
		this.address = address;
	}

	/**
	 * Takes a slot for a call, waiting through interrupts: a caller whose interrupt
	 * status is set must still be able to call, above all to unlock or release.
	 * @throws SharedStateTimeoutException if no slot frees up before the call's deadline
	 */
	void acquireSlot(PendingCall call) {
		if (call.isAsync()) {
			this.asyncPending.incrementAndGet();
		}
		if (this.slots.tryAcquire()) {
			return;
		}
		boolean interrupted = false;
		try {
			while (true) {
				try {
					if (this.slots.tryAcquire(Math.max(0, call.deadlineNanos - System.nanoTime()),
							TimeUnit.NANOSECONDS)) {
						return;
					}
					forget(call);
					throw new SharedStateTimeoutException(call.description() + ": more than " + this.maxInFlight
							+ " requests are in flight on the connection to " + this.address
							+ " and none completed in time");
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Undoes the count of a call that holds no slot and will not be sent. */
	void forget(PendingCall call) {
		if (call.isAsync()) {
			this.asyncPending.decrementAndGet();
		}
	}

	/**
	 * Gives a call that holds a slot its request id and keeps it until its reply.
	 * @return the request id
	 */
	int register(PendingCall call) {
		int requestId = this.requestIds.incrementAndGet();
		if (requestId == Ops.ONE_WAY) {
			requestId = this.requestIds.incrementAndGet();
		}
		call.requestId = requestId;
		this.pending.put(requestId, call);
		return requestId;
	}

	/**
	 * Removes the call a reply answers.
	 * @return the call, or {@code null} if it was given up
	 */
	PendingCall answered(int requestId) {
		PendingCall call = this.pending.remove(requestId);
		if (call != null) {
			this.slots.release();
			forget(call);
		}
		return call;
	}

	/**
	 * Gives up a call, if its reply has not come.
	 * @return whether it was still waiting
	 */
	boolean abandon(PendingCall call) {
		if (this.pending.remove(call.requestId, call)) {
			this.slots.release();
			forget(call);
			return true;
		}
		return false;
	}

	int asyncPending() {
		return this.asyncPending.get();
	}

	/**
	 * Returns a synchronous caller waiting for its reply, which can take over reading.
	 */
	PendingCall waitingCaller() {
		for (PendingCall call : this.pending.values()) {
			if (!call.isAsync() && !call.isDone()) {
				return call;
			}
		}
		return null;
	}

	void forEach(BiConsumer<Integer, PendingCall> action) {
		this.pending.forEach(action);
	}

}
