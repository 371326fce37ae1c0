package io.sharedstate.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide allowance of bytes held for large frames while they arrive, so that
 * many connections announcing large frames at once cannot exhaust the heap.
 */
final class FrameBudget {

	private final long limit;

	private final AtomicLong held = new AtomicLong();

	FrameBudget(long limit) {
		this.limit = limit;
	}

	/**
	 * Reserves room for a frame.
	 * @param bytes the frame's size
	 * @return whether it fits
	 */
	boolean reserve(long bytes) {
		while (true) {
			long current = this.held.get();
			if (current + bytes > this.limit) {
				return false;
			}
			if (this.held.compareAndSet(current, current + bytes)) {
				return true;
			}
		}
	}

	void release(long bytes) {
		this.held.addAndGet(-bytes);
	}

	long held() {
		return this.held.get();
	}

	long limit() {
		return this.limit;
	}

}
