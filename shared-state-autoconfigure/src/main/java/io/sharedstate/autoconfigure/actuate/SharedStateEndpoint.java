package io.sharedstate.autoconfigure.actuate;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import io.sharedstate.SharedState;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.pool.PoolInfo;

/**
 * {@code /actuator/sharedstate}: the manager's live objects (name, type, state), its
 * address, its connected clients and its process pools (workers, queued and running
 * tasks); {@code /actuator/sharedstate/{name}} shows one object, with a bounded preview
 * of its contents when previews are enabled.
 */
@Endpoint(id = "sharedstate")
public class SharedStateEndpoint {

	private final SharedState manager;

	private final int previewLimit;

	private final Supplier<List<PoolInfo>> pools;

	/**
	 * Creates the endpoint.
	 * @param manager the manager to show
	 * @param previewLimit how many entries or elements a preview shows; 0 for no preview
	 */
	public SharedStateEndpoint(SharedState manager, int previewLimit) {
		this(manager, previewLimit, List::of);
	}

	/**
	 * Creates the endpoint, showing process pools too.
	 * @param manager the manager to show
	 * @param previewLimit how many entries or elements a preview shows; 0 for no preview
	 * @param pools describes the application's pools
	 */
	public SharedStateEndpoint(SharedState manager, int previewLimit, Supplier<List<PoolInfo>> pools) {
		this.manager = manager;
		this.previewLimit = previewLimit;
		this.pools = pools;
	}

	/**
	 * Describes the manager.
	 * @return the description
	 */
	@ReadOperation
	public ManagerDescriptor manager() {
		Inspector inspector = this.manager.inspector();
		String address = (inspector.address() != null)
				? inspector.address().getHostString() + ":" + inspector.address().getPort() : null;
		boolean connected = this.manager.isConnected();
		List<ObjectInfo> objects = connected ? inspector.objects() : List.of();
		List<ClientInfo> clients = connected ? inspector.clients() : List.of();
		return new ManagerDescriptor(mode(this.manager), address, connected, objects, clients, this.pools.get());
	}

	/**
	 * Names a manager's mode as {@code shared-state.mode} does.
	 * @param manager the manager
	 * @return embedded, server or client
	 */
	private static String mode(SharedState manager) {
		return (manager.mode() != SharedState.Mode.IN_PROCESS)
				? manager.mode().name().toLowerCase(java.util.Locale.ROOT) : "embedded";
	}

	/**
	 * Describes one object.
	 * @param name the object's name
	 * @return the object, or {@code null} (404) when there is none
	 */
	@ReadOperation
	public ObjectInfo object(@Selector String name) {
		return this.manager.inspector().object(name, this.previewLimit).orElse(null);
	}

	/**
	 * The manager as the endpoint shows it.
	 *
	 * @param mode embedded, server or client
	 * @param address where the server listens (or, for a client, the server it uses)
	 * @param connected whether the objects can be reached now
	 * @param objects the live objects
	 * @param clients the server's connected clients
	 * @param pools the application's process pools
	 */
	public record ManagerDescriptor(String mode, String address, boolean connected, List<ObjectInfo> objects,
			List<ClientInfo> clients, List<PoolInfo> pools) {

	}

}
