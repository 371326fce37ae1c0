package io.sharedstate.value;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;

/**
 * Counter support for the engines.
 */
public final class CounterSupport implements SharedTypeSupport<SharedCounter> {

	@Override
	public Operation[] operations() {
		return CounterOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.COUNTER;
	}

	@Override
	public SharedCounter createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalCounter(engine, name);
	}

	@Override
	public SharedCounter createRemote(RemoteHandle handle) {
		return new RemoteCounter(handle);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedCounter counter, LocalEngine engine) {
		return java.util.Map.of("value", counter.get());
	}

	@Override
	public Object invoke(SharedCounter counter, int op, Input args, ValueCodec codec, long session) {
		return switch (Operation.ofCode(CounterOperation.ALL, op)) {
			case GET -> counter.get();
			case SET -> {
				counter.set((Long) codec.read(args));
				yield null;
			}
			case ADD_AND_GET -> counter.addAndGet((Long) codec.read(args));
			case GET_AND_ADD -> counter.getAndAdd((Long) codec.read(args));
			case COMPARE_AND_SET -> counter.compareAndSet((Long) codec.read(args), (Long) codec.read(args));
		};
	}

}
