package io.sharedstate.value;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableUnaryOperator;
import io.sharedstate.inspect.Previews;

/**
 * Value support for the engines.
 */
public final class ValueSupport implements SharedTypeSupport<SharedValue<Object>> {

	@Override
	public Operation[] operations() {
		return ValueOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.VALUE;
	}

	@Override
	public SharedValue<Object> createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalValue<>(engine, name, initial);
	}

	@Override
	public SharedValue<Object> createRemote(RemoteHandle handle) {
		return new RemoteValue<>(handle);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedValue<Object> value, LocalEngine engine) {
		Object current = value.get();
		return java.util.Map.of("valueType", (current != null) ? current.getClass().getName() : "null");
	}

	@Override
	public java.util.List<String> preview(SharedValue<Object> value, int limit) {
		return java.util.List.of(Previews.text(value.get()));
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(SharedValue<Object> value, int op, Input args, ValueCodec codec, long session) {
		return switch (Operation.ofCode(ValueOperation.ALL, op)) {
			case GET -> value.get();
			case SET -> {
				value.set(codec.read(args));
				yield null;
			}
			case GET_AND_SET -> value.getAndSet(codec.read(args));
			case COMPARE_AND_SET -> value.compareAndSet(codec.read(args), codec.read(args));
			case GET_AND_UPDATE -> value.getAndUpdate((SerializableUnaryOperator<Object>) codec.read(args));
			case UPDATE_AND_GET -> value.updateAndGet((SerializableUnaryOperator<Object>) codec.read(args));
			case ACCUMULATE_AND_GET ->
				value.accumulateAndGet(codec.read(args), (SerializableBinaryOperator<Object>) codec.read(args));
		};
	}

}
