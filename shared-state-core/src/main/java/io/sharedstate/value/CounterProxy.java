package io.sharedstate.value;

import java.util.concurrent.CompletableFuture;

import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;

/**
 * A counter's proxy, on every engine.
 */
final class CounterProxy extends SharedProxy implements SharedCounter {

	CounterProxy(ObjectHandle handle) {
		super(handle);
	}

	private long call(CounterOperation op, Object... args) {
		return (Long) handle().call(op, args);
	}

	@Override
	public long get() {
		return call(CounterOperation.GET);
	}

	@Override
	public void set(long value) {
		handle().call(CounterOperation.SET, value);
	}

	@Override
	public long incrementAndGet() {
		return addAndGet(1);
	}

	@Override
	public long decrementAndGet() {
		return addAndGet(-1);
	}

	@Override
	public long getAndIncrement() {
		return getAndAdd(1);
	}

	@Override
	public long getAndDecrement() {
		return getAndAdd(-1);
	}

	@Override
	public long addAndGet(long delta) {
		return call(CounterOperation.ADD_AND_GET, delta);
	}

	@Override
	public long getAndAdd(long delta) {
		return call(CounterOperation.GET_AND_ADD, delta);
	}

	@Override
	public boolean compareAndSet(long expected, long value) {
		return (Boolean) handle().call(CounterOperation.COMPARE_AND_SET, expected, value);
	}

	@Override
	public CompletableFuture<Long> getAsync() {
		return handle().callAsync(CounterOperation.GET);
	}

	@Override
	public CompletableFuture<Long> addAndGetAsync(long delta) {
		return handle().callAsync(CounterOperation.ADD_AND_GET, delta);
	}

	@Override
	public String toString() {
		return Long.toString(get());
	}

}
