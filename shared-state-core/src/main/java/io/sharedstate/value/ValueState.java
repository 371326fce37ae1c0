package io.sharedstate.value;

import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import io.sharedstate.snapshot.Snapshots;

/**
 * The state of a value: one snapshot. Transitions run under the host's monitor.
 */
final class ValueState {

	private Object value;

	ValueState(Object initial) {
		this.value = Snapshots.of(initial);
	}

	Object get() {
		return this.value;
	}

	Object set(Object value) {
		this.value = Snapshots.of(value);
		return null;
	}

	Object getAndSet(Object value) {
		Object previous = this.value;
		this.value = Snapshots.of(value);
		return previous;
	}

	boolean compareAndSet(Object expected, Object value) {
		if (!Objects.equals(this.value, expected)) {
			return false;
		}
		this.value = Snapshots.of(value);
		return true;
	}

	@SuppressWarnings("unchecked")
	Object getAndUpdate(Object function) {
		Object previous = this.value;
		this.value = Snapshots.of(((UnaryOperator<Object>) function).apply(previous));
		return previous;
	}

	@SuppressWarnings("unchecked")
	Object updateAndGet(Object function) {
		this.value = Snapshots.of(((UnaryOperator<Object>) function).apply(this.value));
		return this.value;
	}

	@SuppressWarnings("unchecked")
	Object accumulateAndGet(Object x, Object function) {
		this.value = Snapshots.of(((BinaryOperator<Object>) function).apply(this.value, x));
		return this.value;
	}

}
