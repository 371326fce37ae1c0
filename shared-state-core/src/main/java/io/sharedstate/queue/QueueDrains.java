package io.sharedstate.queue;

import java.util.Collection;
import java.util.Objects;

/**
 * The argument checks {@link java.util.concurrent.BlockingQueue#drainTo} requires.
 */
final class QueueDrains {

	private QueueDrains() {
	}

	static void checkTarget(Collection<?> target, Object queue) {
		Objects.requireNonNull(target, "target");
		if (target == queue) {
			throw new IllegalArgumentException("Cannot drain a queue into itself");
		}
	}

}
