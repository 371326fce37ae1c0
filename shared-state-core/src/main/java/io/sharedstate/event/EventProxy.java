package io.sharedstate.event;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;

/**
 * An event's proxy, on every engine.
 */
final class EventProxy implements SharedEvent, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient ObjectHandle handle;

	EventProxy(ObjectHandle handle) {
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.EVENT;
	}

	@Override
	public void set() {
		this.handle.call(EventOperation.SET);
	}

	@Override
	public void clear() {
		this.handle.call(EventOperation.CLEAR);
	}

	@Override
	public boolean isSet() {
		return (Boolean) this.handle.call(EventOperation.IS_SET);
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
		return (Boolean) this.handle.callBlocking(EventOperation.AWAIT, wait, (nothingToGiveBack) -> {
		}, Thread.currentThread().getId(), (wait != null) ? wait.toNanos() : -1L);
	}

	@Override
	public String toString() {
		return "event '" + name() + "'";
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
