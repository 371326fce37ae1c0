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
 * Condition support for the engines. A new condition's lock comes with the request that
 * creates it.
 */
public final class ConditionSupport implements SharedTypeSupport<SharedCondition> {

	@Override
	public Operation[] operations() {
		return ConditionOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.CONDITION;
	}

	@Override
	public SharedCondition createLocal(LocalEngine engine, String name, Object initial) {
		if (!(initial instanceof LocalLock lock)) {
			throw new IllegalArgumentException(
					"Condition '" + name + "' needs a shared lock of the same manager, not " + initial);
		}
		return new LocalCondition(engine, name, lock);
	}

	@Override
	public SharedCondition createRemote(RemoteHandle handle) {
		return new RemoteCondition(handle, (handle.initial() instanceof RemoteLock lock) ? lock : null);
	}

	static void requireSameLock(String condition, String boundTo, String asked) {
		if (!boundTo.equals(asked)) {
			throw new IllegalArgumentException("Condition '" + condition + "' belongs to the lock '" + boundTo
					+ "', not to '" + asked + "'; a condition is bound to the lock it was created with");
		}
	}

	@Override
	public java.util.Map<String, Object> describe(SharedCondition condition, LocalEngine engine) {
		ConditionState state = ((LocalCondition) condition).state();
		java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
		described.put("lock", state.lock().name());
		described.put("waiting", state.waiting());
		return described;
	}

	@Override
	public Object invoke(SharedCondition condition, int op, Input args, ValueCodec codec, long session) {
		ConditionState state = ((LocalCondition) condition).state();
		return switch (Operation.ofCode(ConditionOperation.ALL, op)) {
			case AWAIT -> state.await(new Owner(session, (Long) codec.read(args)), (Long) codec.read(args));
			case SIGNAL -> {
				state.signal(new Owner(session, (Long) codec.read(args)));
				yield null;
			}
			case SIGNAL_ALL -> {
				state.signalAll(new Owner(session, (Long) codec.read(args)));
				yield null;
			}
			case LOCK -> state.lock();
			case WAITING -> state.waiting();
		};
	}

}
