package io.sharedstate.namespace;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.inspect.Previews;

/**
 * Namespace support for the engines.
 */
public final class NamespaceSupport implements SharedTypeSupport<SharedNamespace> {

	@Override
	public Operation[] operations() {
		return NamespaceOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.NAMESPACE;
	}

	@Override
	public SharedNamespace createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalNamespace(engine, name);
	}

	@Override
	public SharedNamespace createRemote(RemoteHandle handle) {
		return new RemoteNamespace(handle);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedNamespace namespace, LocalEngine engine) {
		return java.util.Map.of("attributes", namespace.attributes().size());
	}

	@Override
	public java.util.List<String> preview(SharedNamespace namespace, int limit) {
		return Previews.entries(namespace.attributes(), limit);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(SharedNamespace namespace, int op, Input args, ValueCodec codec, long session) {
		return switch (Operation.ofCode(NamespaceOperation.ALL, op)) {
			case GET -> namespace.get((String) codec.read(args));
			case SET -> {
				namespace.set((String) codec.read(args), codec.read(args));
				yield null;
			}
			case DELETE -> namespace.delete((String) codec.read(args));
			case HAS -> namespace.has((String) codec.read(args));
			case COMPUTE -> namespace.compute((String) codec.read(args),
					(SerializableBiFunction<String, Object, Object>) codec.read(args));
			case ATTRIBUTES -> namespace.attributes();
		};
	}

}
