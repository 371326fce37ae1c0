package io.sharedstate.value;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableUnaryOperator;
import io.sharedstate.snapshot.Snapshots;

/**
 * The authoritative value, guarded by its own monitor so functions run atomically.
 *
 * @param <V> the value type
 */
final class LocalValue<V> implements SharedValue<V>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private transient V value;

	LocalValue(LocalEngine engine, String name, V initial) {
		this.engine = engine;
		this.name = name;
		this.value = stored(initial);
	}

	@SuppressWarnings("unchecked")
	private static <T> T stored(T value) {
		return (T) Snapshots.of(value);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.VALUE;
	}

	@Override
	public synchronized V get() {
		return this.value;
	}

	@Override
	public synchronized void set(V value) {
		this.value = stored(value);
	}

	@Override
	public synchronized V getAndSet(V value) {
		V previous = this.value;
		this.value = stored(value);
		return previous;
	}

	@Override
	public synchronized boolean compareAndSet(V expected, V value) {
		if (!Objects.equals(this.value, expected)) {
			return false;
		}
		this.value = stored(value);
		return true;
	}

	@Override
	public synchronized V getAndUpdate(SerializableUnaryOperator<V> function) {
		V previous = this.value;
		this.value = stored(function.apply(previous));
		return previous;
	}

	@Override
	public synchronized V updateAndGet(SerializableUnaryOperator<V> function) {
		this.value = stored(function.apply(this.value));
		return this.value;
	}

	@Override
	public synchronized V accumulateAndGet(V x, SerializableBinaryOperator<V> function) {
		this.value = stored(function.apply(this.value, x));
		return this.value;
	}

	@Override
	public CompletableFuture<V> getAsync() {
		return CompletableFuture.completedFuture(get());
	}

	@Override
	public CompletableFuture<Void> setAsync(V value) {
		set(value);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public String toString() {
		return String.valueOf(get());
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.VALUE, this.name);
	}

}
