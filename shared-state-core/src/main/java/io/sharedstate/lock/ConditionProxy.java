package io.sharedstate.lock;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.ManagerClosedException;
import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;

/**
 * A condition's proxy, on every engine. A wait gives up the calling thread's holds of the
 * lock and gets them back, on the manager, before it returns; interrupted, it still takes
 * the lock back before throwing.
 */
final class ConditionProxy extends ConditionWaits {

	private static final Logger logger = LoggerFactory.getLogger(ConditionProxy.class);

	private transient volatile LockProxy lock;

	ConditionProxy(ObjectHandle handle) {
		super(handle);
	}

	@Override
	public SharedLock lock() {
		LockProxy current = this.lock;
		if (current == null) {
			// Asked of the handle, not taken from what the condition was opened with: the
			// handle's engine gives the one proxy of the lock that knows this caller's
			// holds.
			List<?> lockOf = (List<?>) handle().call(ConditionOperation.LOCK_OF);
			current = handle().open(Boolean.TRUE.equals(lockOf.get(1)) ? SharedType.RLOCK : SharedType.LOCK,
					(String) lockOf.get(0), null);
			this.lock = current;
		}
		return current;
	}

	@Override
	boolean awaitSignal(long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		LockProxy bound = (LockProxy) lock();
		ThreadHolds holds = bound.holds();
		int count = holds.suspend();
		long[] lateAwakening = { -1 };
		Object awakening;
		try {
			// No deadline here: after its timeout the wait still has to take the lock
			// back.
			awakening = handle().callBlocking(ConditionOperation.AWAIT, null,
					(granted) -> lateAwakening[0] = (Long) granted, Thread.currentThread().getId(),
					Math.max(timeoutNanos, -1));
		}
		catch (InterruptedException ex) {
			if (lateAwakening[0] >= 0) {
				holds.resume(LockGrants.grantOf(lateAwakening[0]), count, bound.lockHandle().knownSessionEpoch());
			}
			else {
				bound.lock();
				for (int i = 1; i < count; i++) {
					holds.reenter(bound.lockHandle().knownSessionEpoch());
				}
			}
			throw ex;
		}
		long wire = (Long) awakening;
		holds.resume(LockGrants.grantOf(wire), count, bound.lockHandle().knownSessionEpoch());
		return LockGrants.signalledOf(wire);
	}

	@Override
	public void signal() {
		send(ConditionOperation.SIGNAL);
	}

	@Override
	public void signalAll() {
		send(ConditionOperation.SIGNAL_ALL);
	}

	private void send(ConditionOperation signal) {
		if (!lock().isHeldByCurrentThread()) {
			throw new IllegalMonitorStateException(
					"Signalling condition '" + name() + "' needs its lock, which this thread does not hold");
		}
		handle().send(signal, Thread.currentThread().getId()).whenComplete((ignored, failure) -> {
			if (failure != null && !(failure instanceof ManagerClosedException)) {
				logger.warn("{} {} failed on the manager: {}", this, signal, failure.toString());
			}
		});
	}

	@Override
	public String toString() {
		return "condition '" + name() + "'";
	}

}
