package io.sharedstate.value;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;

/**
 * The authoritative counter: an {@link AtomicLong}.
 */
final class LocalCounter implements SharedCounter, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient AtomicLong count = new AtomicLong();

	LocalCounter(LocalEngine engine, String name) {
		this.engine = engine;
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.COUNTER;
	}

	@Override
	public long get() {
		return this.count.get();
	}

	@Override
	public void set(long value) {
		this.count.set(value);
	}

	@Override
	public long incrementAndGet() {
		return this.count.incrementAndGet();
	}

	@Override
	public long decrementAndGet() {
		return this.count.decrementAndGet();
	}

	@Override
	public long getAndIncrement() {
		return this.count.getAndIncrement();
	}

	@Override
	public long getAndDecrement() {
		return this.count.getAndDecrement();
	}

	@Override
	public long addAndGet(long delta) {
		return this.count.addAndGet(delta);
	}

	@Override
	public long getAndAdd(long delta) {
		return this.count.getAndAdd(delta);
	}

	@Override
	public boolean compareAndSet(long expected, long value) {
		return this.count.compareAndSet(expected, value);
	}

	@Override
	public CompletableFuture<Long> getAsync() {
		return CompletableFuture.completedFuture(get());
	}

	@Override
	public CompletableFuture<Long> addAndGetAsync(long delta) {
		return CompletableFuture.completedFuture(addAndGet(delta));
	}

	@Override
	public String toString() {
		return Long.toString(get());
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.COUNTER, this.name);
	}

}
