package io.sharedstate.value;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.engine.RemoteFunctions;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableUnaryOperator;

/**
 * A client's proxy of a value.
 *
 * @param <V> the value type
 */
final class RemoteValue<V> implements SharedValue<V>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient RemoteHandle handle;

	RemoteValue(RemoteHandle handle) {
		this.handle = handle;
	}

	@SuppressWarnings("unchecked")
	private <T> T call(ValueOperation op, Object... args) {
		return (T) this.handle.call(op, args);
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.VALUE;
	}

	@Override
	public V get() {
		return call(ValueOperation.GET);
	}

	@Override
	public void set(V value) {
		call(ValueOperation.SET, value);
	}

	@Override
	public V getAndSet(V value) {
		return call(ValueOperation.GET_AND_SET, value);
	}

	@Override
	public boolean compareAndSet(V expected, V value) {
		return call(ValueOperation.COMPARE_AND_SET, expected, value);
	}

	@Override
	public V getAndUpdate(SerializableUnaryOperator<V> function) {
		return call(ValueOperation.GET_AND_UPDATE, RemoteFunctions.check(function, "getAndUpdate"));
	}

	@Override
	public V updateAndGet(SerializableUnaryOperator<V> function) {
		return call(ValueOperation.UPDATE_AND_GET, RemoteFunctions.check(function, "updateAndGet"));
	}

	@Override
	public V accumulateAndGet(V x, SerializableBinaryOperator<V> function) {
		return call(ValueOperation.ACCUMULATE_AND_GET, x, RemoteFunctions.check(function, "accumulateAndGet"));
	}

	@Override
	public CompletableFuture<V> getAsync() {
		return this.handle.callAsync(ValueOperation.GET);
	}

	@Override
	public CompletableFuture<Void> setAsync(V value) {
		return this.handle.callAsync(ValueOperation.SET, value);
	}

	@Override
	public String toString() {
		return String.valueOf(get());
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
