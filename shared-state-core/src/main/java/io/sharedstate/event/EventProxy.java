package io.sharedstate.event;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;

/**
 * An event's proxy, on every engine.
 */
final class EventProxy extends SharedProxy implements SharedEvent {

	EventProxy(ObjectHandle handle) {
		super(handle);
	}

	@Override
	public void set() {
		handle().call(EventOperation.SET);
	}

	@Override
	public void clear() {
		handle().call(EventOperation.CLEAR);
	}

	@Override
	public boolean isSet() {
		return (Boolean) handle().call(EventOperation.IS_SET);
	}

	@Override
	public void await() throws InterruptedException {
		await(null);
	}

	@Override
	public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
		return await(Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
	}

	private boolean await(Duration wait) throws InterruptedException {
		return (Boolean) handle().callBlocking(EventOperation.AWAIT, wait, (nothingToGiveBack) -> {
		}, Thread.currentThread().getId(), (wait != null) ? wait.toNanos() : -1L);
	}

	@Override
	public String toString() {
		return "event '" + name() + "'";
	}

}
