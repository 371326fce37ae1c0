package io.sharedstate.inspect;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalEngine.HostedObject;

/**
 * Inspects the objects hosted in this process, and the clients of the server that
 * publishes them if there is one.
 */
public final class LocalInspector implements Inspector {

	private final LocalEngine engine;

	private final Supplier<List<ClientInfo>> clients;

	/**
	 * Creates an inspector.
	 * @param engine the hosted objects
	 * @param clients the connected clients (empty in-process)
	 */
	public LocalInspector(LocalEngine engine, Supplier<List<ClientInfo>> clients) {
		this.engine = engine;
		this.clients = clients;
	}

	@Override
	public List<ObjectInfo> objects() {
		return this.engine.objects()
			.stream()
			.sorted(Comparator.comparing((HostedObject hosted) -> hosted.object().name()))
			.map((hosted) -> this.engine.describe(hosted, 0))
			.toList();
	}

	@Override
	public Optional<ObjectInfo> object(String name, int previewLimit) {
		return Optional.ofNullable(this.engine.byName(name))
			.map((hosted) -> this.engine.describe(hosted, previewLimit));
	}

	@Override
	public List<ClientInfo> clients() {
		return this.clients.get();
	}

	@Override
	public InetSocketAddress address() {
		return this.engine.serverAddress();
	}

}
