package io.sharedstate.value;

import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedType;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableUnaryOperator;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.model.Functions;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;
import io.sharedstate.model.Previews;

/**
 * A value's proxy, on every engine.
 *
 * @param <V> the value type
 */
final class ValueProxy<V> extends SharedProxy implements SharedValue<V> {

	ValueProxy(ObjectHandle handle) {
		super(handle);
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
		return call(ValueOperation.GET_AND_UPDATE, Functions.requireRunnableOnHost(handle(), function, "getAndUpdate"));
	}

	@Override
	public V updateAndGet(SerializableUnaryOperator<V> function) {
		return call(ValueOperation.UPDATE_AND_GET, Functions.requireRunnableOnHost(handle(), function, "updateAndGet"));
	}

	@Override
	public V accumulateAndGet(V x, SerializableBinaryOperator<V> function) {
		return call(ValueOperation.ACCUMULATE_AND_GET, x,
				Functions.requireRunnableOnHost(handle(), function, "accumulateAndGet"));
	}

	@Override
	public CompletableFuture<V> getAsync() {
		return handle().callAsync(ValueOperation.GET);
	}

	@Override
	public CompletableFuture<Void> setAsync(V value) {
		return handle().callAsync(ValueOperation.SET, value);
	}

	@Override
	public SharedLock getLock() {
		return handle().open(SharedType.RLOCK, name() + ".lock", null);
	}

	@Override
	public String toString() {
		return Previews.show(get());
	}

}
