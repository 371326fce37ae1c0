package io.sharedstate.lock;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;

/**
 * A client's proxy of a condition. It works with its lock's proxy, whose record of this
 * process's holds it suspends while waiting and restores with the grant the server hands
 * back.
 */
final class RemoteCondition extends ConditionWaits implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient RemoteHandle handle;

	private transient volatile RemoteLock lock;

	RemoteCondition(RemoteHandle handle, RemoteLock lock) {
		this.handle = handle;
		if (lock != null) {
			ConditionSupport.requireSameLock(handle.name(), ((SharedLock) handle.call(ConditionOperation.LOCK)).name(),
					lock.name());
		}
		this.lock = lock;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.CONDITION;
	}

	@Override
	public SharedLock lock() {
		RemoteLock current = this.lock;
		if (current == null) {
			current = (RemoteLock) this.handle.call(ConditionOperation.LOCK);
			this.lock = current;
		}
		return current;
	}

	@Override
	boolean awaitSignal(long timeoutNanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		ThreadHolds holds = ((RemoteLock) lock()).holds();
		int count = holds.suspend();
		long[] lateAwakening = { -1 };
		Object awakening;
		try {
			// No deadline on the client: after its timeout the server still has to give
			// the lock back.
			awakening = this.handle.callBlocking(ConditionOperation.AWAIT, null,
					(granted) -> lateAwakening[0] = (Long) granted, Thread.currentThread().getId(),
					Math.max(timeoutNanos, -1));
		}
		catch (InterruptedException ex) {
			if (lateAwakening[0] >= 0) {
				holds.resume(lateAwakening[0] >>> 1, count);
			}
			else {
				lock().lock();
				retake(holds, count);
			}
			throw ex;
		}
		long wire = (Long) awakening;
		holds.resume(wire >>> 1, count);
		return (wire & 1) != 0;
	}

	private static void retake(ThreadHolds holds, int count) {
		for (int i = 1; i < count; i++) {
			holds.reenter();
		}
	}

	@Override
	public void signal() {
		requireHeld();
		this.handle.sendReporting(ConditionOperation.SIGNAL, Thread.currentThread().getId());
	}

	@Override
	public void signalAll() {
		requireHeld();
		this.handle.sendReporting(ConditionOperation.SIGNAL_ALL, Thread.currentThread().getId());
	}

	private void requireHeld() {
		if (!lock().isHeldByCurrentThread()) {
			throw new IllegalMonitorStateException(
					"Signalling condition '" + name() + "' needs its lock, which this thread does not hold");
		}
	}

	@Override
	public String toString() {
		return "condition '" + name() + "'";
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
