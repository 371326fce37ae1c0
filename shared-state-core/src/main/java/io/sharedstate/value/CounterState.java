package io.sharedstate.value;

import java.util.concurrent.atomic.AtomicLong;

import io.sharedstate.model.ConcurrentState;

/**
 * The state of a counter: one atomic long.
 */
final class CounterState extends AtomicLong implements ConcurrentState {

	private static final long serialVersionUID = 1L;

	Object assign(long value) {
		set(value);
		return null;
	}

}
