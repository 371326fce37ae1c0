package io.sharedstate.autoconfigure.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import io.sharedstate.SharedState;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.api.ManagerMode;
import io.sharedstate.memory.BlockInfo;
import io.sharedstate.pool.PoolInfo;

/**
 * {@code /actuator/sharedstate}: the manager's live objects (name, type, state), its
 * address, its connected clients, under {@code memory} its shared memory blocks and under
 * {@code pools} its process pools; {@code /actuator/sharedstate/{name}} shows one object,
 * with a bounded preview of its contents when previews are enabled. Fields that have
 * nothing to say (an embedded manager's address, an unnamed client's name, a preview
 * nobody asked for) are left out rather than shown empty. import
 * io.sharedstate.pool.PoolInfo;
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
		List<ObjectDescriptor> objects = connected
				? inspector.objects().stream().map(ObjectDescriptor::withoutPreview).toList() : List.of();
		List<ClientDescriptor> clients = connected ? inspector.clients().stream().map(ClientDescriptor::of).toList()
				: List.of();
		return new ManagerDescriptor(mode(this.manager), address, connected, objects, clients,
				this.manager.memory().blocks(), this.pools.get());
	}

	/**
	 * Names a manager's mode as {@code shared-state.mode} does.
	 * @param manager the manager
	 * @return embedded, server or client
	 */
	private static String mode(SharedState manager) {
		return (manager.mode() != ManagerMode.IN_PROCESS) ? manager.mode().name().toLowerCase(Locale.ROOT) : "embedded";
	}

	/**
	 * Describes one object.
	 * @param name the object's name
	 * @return the object, or {@code null} (404) when there is none
	 */
	@ReadOperation
	public ObjectDescriptor object(@Selector String name) {
		return this.manager.inspector().object(name, this.previewLimit).map(ObjectDescriptor::of).orElse(null);
	}

	/**
	 * The manager as the endpoint shows it.
	 *
	 * @param mode embedded, server or client
	 * @param address where the server listens (or, for a client, the server it uses);
	 * none for an embedded manager
	 * @param connected whether the objects can be reached now
	 * @param objects the live objects
	 * @param clients the server's connected clients
	 * @param memory the same-host shared memory blocks this process opened through the
	 * manager, with their sizes
	 * @param pools the process pools this manager created, with their workers and tasks
	 */
	@JsonInclude(Include.NON_NULL)
	public record ManagerDescriptor(String mode, String address, boolean connected, List<ObjectDescriptor> objects,
			List<ClientDescriptor> clients, @JsonInclude(Include.NON_EMPTY) List<BlockInfo> memory,
			@JsonInclude(Include.NON_EMPTY) List<PoolInfo> pools) {

	}

	/**
	 * One shared object as the endpoint shows it: never the values users stored, except
	 * in a preview when previews are enabled.
	 *
	 * @param name the object's name
	 * @param type the type's label, e.g. {@code dict} or {@code lock}
	 * @param state sizes, flags, holders and waiting counts
	 * @param preview the first entries or elements as text; left out unless enabled
	 */
	@JsonInclude(Include.NON_EMPTY)
	public record ObjectDescriptor(String name, String type, Map<String, Object> state, List<String> preview) {

		static ObjectDescriptor of(ObjectInfo info) {
			return new ObjectDescriptor(info.name(), info.type(), info.state(), info.preview());
		}

		static ObjectDescriptor withoutPreview(ObjectInfo info) {
			return new ObjectDescriptor(info.name(), info.type(), info.state(), List.of());
		}

	}

	/**
	 * One client connection of the server.
	 *
	 * @param id the connection's id, unique per server run
	 * @param pid the client's process id
	 * @param host the client's host name
	 * @param name the client's name; left out when it has none
	 * @param connectedAt when the connection was accepted
	 * @param operations how many requests it has had served
	 */
	@JsonInclude(Include.NON_NULL)
	public record ClientDescriptor(long id, long pid, String host, String name, Instant connectedAt, long operations) {

		static ClientDescriptor of(ClientInfo info) {
			return new ClientDescriptor(info.id(), info.pid(), info.host(), info.name(), info.connectedAt(),
					info.operations());
		}

	}

}
