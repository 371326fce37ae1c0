package io.sharedstate.lock;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SessionBound;

/**
 * A condition hosted in this process, used directly by its threads.
 */
final class LocalCondition extends ConditionWaits implements SessionBound, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient ConditionState state;

	LocalCondition(LocalEngine engine, String name, LocalLock lock) {
		this.engine = engine;
		this.name = name;
		this.state = new ConditionState(lock, engine.timer());
	}

	ConditionState state() {
		return this.state;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.CONDITION;
	}

	@Override
	public SharedLock lock() {
		return this.state.lock();
	}

	@Override
	boolean awaitSignal(long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		ThreadHolds holds = this.state.lock().holds();
		int count = holds.suspend();
		Owner owner = Owner.current(this.engine.session());
		CompletableFuture<ConditionState.Awakening> pending = this.state.await(owner, timeoutNanos);
		try {
			ConditionState.Awakening awakening = pending.get();
			holds.resume(LockState.encode(awakening.grant().fence(), awakening.grant().previousHolderDied()), count);
			return awakening.signalled();
		}
		catch (InterruptedException ex) {
			if (pending.cancel(false)) {
				LockState.Grant grant = this.state.lock().state().acquire(owner, -1).join();
				holds.resume(LockState.encode(grant.fence(), grant.previousHolderDied()), count);
			}
			else {
				ConditionState.Awakening awakening = pending.join();
				holds.resume(LockState.encode(awakening.grant().fence(), awakening.grant().previousHolderDied()),
						count);
			}
			throw ex;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void signal() {
		requireHeld();
		this.state.signal(Owner.current(this.engine.session()));
	}

	@Override
	public void signalAll() {
		requireHeld();
		this.state.signalAll(Owner.current(this.engine.session()));
	}

	private void requireHeld() {
		if (!this.state.lock().isHeldByCurrentThread()) {
			throw new IllegalMonitorStateException(
					"Signalling condition '" + this.name + "' needs its lock, which this thread does not hold");
		}
	}

	@Override
	public void sessionEnded(long session) {
		this.state.sessionEnded(session);
	}

	@Override
	public String toString() {
		return "condition '" + this.name + "' of " + this.state.lock();
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.CONDITION, this.name);
	}

}
