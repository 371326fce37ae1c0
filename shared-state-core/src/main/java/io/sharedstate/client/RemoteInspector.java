package io.sharedstate.client;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.protocol.Ops;

/**
 * Inspects a manager server from one of its clients: every call asks the server.
 */
final class RemoteInspector implements Inspector {

	private final RemoteEngine engine;

	RemoteInspector(RemoteEngine engine) {
		this.engine = engine;
	}

	@SuppressWarnings("unchecked")
	private <T> T ask(int op, String what, Object... args) {
		return (T) this.engine.connection().call(0, op, args, this.engine, what, this.engine.options().callTimeout());
	}

	@Override
	public List<ObjectInfo> objects() {
		return ask(Ops.INSPECT_OBJECTS, "inspect objects");
	}

	@Override
	public Optional<ObjectInfo> object(String name, int previewLimit) {
		return Optional.ofNullable(ask(Ops.INSPECT_OBJECT, "inspect object", name, previewLimit));
	}

	@Override
	public List<ClientInfo> clients() {
		return ask(Ops.INSPECT_CLIENTS, "inspect clients");
	}

	@Override
	public InetSocketAddress address() {
		return this.engine.options().address();
	}

}
