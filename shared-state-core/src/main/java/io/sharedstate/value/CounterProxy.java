package io.sharedstate.value;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;

/**
 * A counter's proxy, on every engine.
 */
final class CounterProxy implements SharedCounter, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient ObjectHandle handle;

	CounterProxy(ObjectHandle handle) {
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.COUNTER;
	}

	private long call(CounterOperation op, Object... args) {
		return (Long) this.handle.call(op, args);
	}

	@Override
	public long get() {
		return call(CounterOperation.GET);
	}

	@Override
	public void set(long value) {
		this.handle.call(CounterOperation.SET, value);
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
		return (Boolean) this.handle.call(CounterOperation.COMPARE_AND_SET, expected, value);
	}

	@Override
	public CompletableFuture<Long> getAsync() {
		return this.handle.callAsync(CounterOperation.GET);
	}

	@Override
	public CompletableFuture<Long> addAndGetAsync(long delta) {
		return this.handle.callAsync(CounterOperation.ADD_AND_GET, delta);
	}

	@Override
	public String toString() {
		return Long.toString(get());
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
