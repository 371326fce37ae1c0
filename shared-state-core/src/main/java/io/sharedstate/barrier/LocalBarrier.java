package io.sharedstate.barrier;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalWaits;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SessionBound;

/**
 * A barrier hosted in this process, used directly by its threads.
 */
final class LocalBarrier extends BarrierOutcomes implements SessionBound, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient BarrierState state;

	LocalBarrier(LocalEngine engine, String name, BarrierState state, Runnable action) {
		super(action);
		this.engine = engine;
		this.name = name;
		this.state = state;
	}

	BarrierState state() {
		return this.state;
	}

	/**
	 * Returns a view of the same barrier that runs another action when its thread arrives
	 * last.
	 * @param action the action, or {@code null}
	 * @return the view
	 */
	LocalBarrier withAction(Runnable action) {
		return (action != null) ? new LocalBarrier(this.engine, this.name, this.state, action) : this;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.BARRIER;
	}

	@Override
	public int await() throws InterruptedException, BrokenBarrierException {
		try {
			return await(-1);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("An untimed wait cannot time out", ex);
		}
	}

	@Override
	public int await(long timeout, TimeUnit unit)
			throws InterruptedException, BrokenBarrierException, TimeoutException {
		return await(Math.max(0, unit.toNanos(timeout)));
	}

	private int await(long timeoutNanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
		if (Thread.interrupted()) {
			this.state.abort();
			throw new InterruptedException();
		}
		return outcome(LocalWaits.await(this.state.await(owner(), timeoutNanos, hasAction())));
	}

	private Owner owner() {
		return Owner.current(this.engine.session());
	}

	@Override
	void actionDone(boolean succeeded) {
		this.state.actionDone(owner(), succeeded);
	}

	@Override
	public void reset() {
		this.state.reset();
	}

	@Override
	public void abort() {
		this.state.abort();
	}

	@Override
	public boolean isBroken() {
		return this.state.isBroken();
	}

	@Override
	public int parties() {
		return this.state.parties();
	}

	@Override
	public int numberWaiting() {
		return this.state.waiting();
	}

	@Override
	public void sessionEnded(long session) {
		this.state.sessionEnded(session);
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.BARRIER, this.name);
	}

}
