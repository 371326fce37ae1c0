package io.sharedstate.lock;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SharedTypeSupport;

/**
 * Lock support for the engines, for both the non-reentrant and the reentrant lock.
 */
public final class SharedLockSupport implements SharedTypeSupport<SharedLock> {

	private final boolean reentrant;

	/**
	 * Creates the support of one kind of lock.
	 * @param reentrant whether the holder may lock again
	 */
	public SharedLockSupport(boolean reentrant) {
		this.reentrant = reentrant;
	}

	@Override
	public Operation[] operations() {
		return LockOperation.ALL;
	}

	@Override
	public SharedType type() {
		return this.reentrant ? SharedType.RLOCK : SharedType.LOCK;
	}

	@Override
	public SharedLock createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalLock(engine, name, this.reentrant);
	}

	@Override
	public SharedLock createRemote(RemoteHandle handle) {
		return new RemoteLock(handle, type());
	}

	@Override
	public java.util.Map<String, Object> describe(SharedLock lock, LocalEngine engine) {
		return ((LocalLock) lock).state().describe(engine);
	}

	@Override
	public Object invoke(SharedLock lock, int op, Input args, ValueCodec codec, long session) {
		LockState state = ((LocalLock) lock).state();
		return switch (Operation.ofCode(LockOperation.ALL, op)) {
			case ACQUIRE -> state.acquire(new Owner(session, (Long) codec.read(args), (String) codec.read(args)),
					(Long) codec.read(args));
			case RELEASE -> state.release(new Owner(session, (Long) codec.read(args)), (Long) codec.read(args));
			case IS_LOCKED -> state.isLocked();
			case WAITING -> state.waiting();
		};
	}

}
