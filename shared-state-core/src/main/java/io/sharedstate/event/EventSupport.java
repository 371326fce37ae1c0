package io.sharedstate.event;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SharedTypeSupport;

/**
 * Event support for the engines.
 */
public final class EventSupport implements SharedTypeSupport<SharedEvent> {

	@Override
	public Operation[] operations() {
		return EventOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.EVENT;
	}

	@Override
	public SharedEvent createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalEvent(engine, name);
	}

	@Override
	public SharedEvent createRemote(RemoteHandle handle) {
		return new RemoteEvent(handle);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedEvent event, LocalEngine engine) {
		EventState state = ((LocalEvent) event).state();
		java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
		described.put("set", state.isSet());
		described.put("waiting", state.waiting());
		return described;
	}

	@Override
	public Object invoke(SharedEvent event, int op, Input args, ValueCodec codec, long session) {
		EventState state = ((LocalEvent) event).state();
		return switch (Operation.ofCode(EventOperation.ALL, op)) {
			case SET -> {
				state.set();
				yield null;
			}
			case CLEAR -> {
				state.clear();
				yield null;
			}
			case IS_SET -> state.isSet();
			case AWAIT -> state.await(new Owner(session, (Long) codec.read(args)), (Long) codec.read(args));
			case WAITING -> state.waiting();
		};
	}

}
