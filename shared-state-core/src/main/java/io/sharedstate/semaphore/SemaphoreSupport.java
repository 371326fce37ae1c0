package io.sharedstate.semaphore;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SharedTypeSupport;

/**
 * Semaphore support for the engines, for plain and bounded semaphores. A new semaphore's
 * initial permits come with the request that creates it.
 */
public final class SemaphoreSupport implements SharedTypeSupport<SharedSemaphore> {

	private final SharedType type;

	/**
	 * Creates the support of one kind of semaphore.
	 * @param bounded whether releases above the initial count are refused
	 */
	public SemaphoreSupport(boolean bounded) {
		this.type = bounded ? SharedType.BOUNDED_SEMAPHORE : SharedType.SEMAPHORE;
	}

	@Override
	public Operation[] operations() {
		return SemaphoreOperation.ALL;
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	@Override
	public SharedSemaphore createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalSemaphore(engine, name, this.type, (initial != null) ? (Integer) initial : 1);
	}

	@Override
	public SharedSemaphore createRemote(RemoteHandle handle) {
		return new RemoteSemaphore(handle, this.type);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedSemaphore semaphore, LocalEngine engine) {
		SemaphoreState state = ((LocalSemaphore) semaphore).state();
		java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
		described.put("available", state.available());
		described.put("waiting", state.waiting());
		return described;
	}

	@Override
	public Object invoke(SharedSemaphore semaphore, int op, Input args, ValueCodec codec, long session) {
		SemaphoreState state = ((LocalSemaphore) semaphore).state();
		return switch (Operation.ofCode(SemaphoreOperation.ALL, op)) {
			case ACQUIRE -> state.acquire(new Owner(session, (Long) codec.read(args)), (Integer) codec.read(args),
					(Long) codec.read(args));
			case RELEASE -> {
				state.release(session, (Integer) codec.read(args));
				yield null;
			}
			case AVAILABLE -> state.available();
			case DRAIN -> state.drain(session);
			case WAITING -> state.waiting();
		};
	}

}
