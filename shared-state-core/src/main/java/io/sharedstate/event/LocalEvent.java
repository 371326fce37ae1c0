package io.sharedstate.event;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalWaits;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SessionBound;

/**
 * An event hosted in this process, used directly by its threads.
 */
final class LocalEvent implements SharedEvent, SessionBound, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient EventState state;

	LocalEvent(LocalEngine engine, String name) {
		this.engine = engine;
		this.name = name;
		this.state = new EventState(engine.timer());
	}

	EventState state() {
		return this.state;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.EVENT;
	}

	@Override
	public void set() {
		this.state.set();
	}

	@Override
	public void clear() {
		this.state.clear();
	}

	@Override
	public boolean isSet() {
		return this.state.isSet();
	}

	@Override
	public void await() throws InterruptedException {
		await(-1);
	}

	@Override
	public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
		return await(Math.max(0, unit.toNanos(timeout)));
	}

	private boolean await(long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		return LocalWaits.await(this.state.await(Owner.current(this.engine.session()), timeoutNanos));
	}

	@Override
	public void sessionEnded(long session) {
		this.state.sessionEnded(session);
	}

	@Override
	public String toString() {
		return "event '" + this.name + "'";
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.EVENT, this.name);
	}

}
