package io.sharedstate.autoconfigure;

import java.net.InetSocketAddress;
import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;

/**
 * Creates the manager that the properties describe.
 */
final class ManagerFactory {

	private final SharedStateProperties properties;

	private final String applicationName;

	ManagerFactory(SharedStateProperties properties, String applicationName) {
		this.properties = properties;
		this.applicationName = applicationName;
	}

	SharedState embedded() {
		return SharedState.inProcess();
	}

	/**
	 * Creates a server-mode manager that does not listen yet; its lifecycle opens it.
	 * @return the manager
	 */
	SharedState server() {
		SharedStateProperties.Server server = this.properties.getServer();
		InetSocketAddress address = (this.properties.getAddress() != null)
				? address("shared-state.address", this.properties.getAddress()) : new InetSocketAddress("127.0.0.1", 0);
		ServerOptions options = ServerOptions.create(authkey())
			.withAddress(address)
			.withMaxFrameBytes((int) server.getMaxFrameSize().toBytes())
			.withMaxInFlight(server.getMaxInFlight())
			.withIdleTimeout(server.getIdleTimeout())
			.withHandshakeTimeout(server.getHandshakeTimeout())
			.withSessionGracePeriod(server.getSessionGracePeriod())
			.withAllowedPackages(this.properties.getAllowedPackages().toArray(String[]::new));
		if (server.getPythonAddress() != null) {
			options = options
				.withPythonAddress(address("shared-state.server.python-address", server.getPythonAddress()));
		}
		return SharedState.server(options);
	}

	SharedState client() {
		SharedStateProperties.Client client = this.properties.getClient();
		if (this.properties.getAddress() == null) {
			throw new InvalidConfigurationPropertyValueException("shared-state.address", null,
					"A client needs the server's address: set shared-state.address to host:port");
		}
		String name = (client.getName() != null) ? client.getName() : this.applicationName;
		ClientOptions options = ClientOptions
			.create(address("shared-state.address", this.properties.getAddress()), authkey())
			.withConnectTimeout(client.getConnectTimeout())
			.withCallTimeout(client.getCallTimeout())
			.withHeartbeatInterval(client.getHeartbeatInterval())
			.withAllowedPackages(this.properties.getAllowedPackages().toArray(String[]::new));
		if (name != null) {
			options = options.withClientName(name);
		}
		return client.isFailFast() ? SharedState.connect(options) : SharedState.connectWhenAvailable(options);
	}

	private String authkey() {
		String authkey = this.properties.getAuthkey();
		if (authkey == null || authkey.isBlank()) {
			String mode = this.properties.getMode().name().toLowerCase(Locale.ROOT);
			throw new InvalidConfigurationPropertyValueException("shared-state.authkey", authkey,
					"shared-state.authkey is required in " + mode + " mode: set it to the secret that the server and "
							+ "all its clients share");
		}
		return authkey;
	}

	private static InetSocketAddress address(String property, String address) {
		int colon = address.lastIndexOf(':');
		try {
			if (colon <= 0) {
				throw new NumberFormatException();
			}
			return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, address,
					property + " must be host:port, for example 127.0.0.1:7077");
		}
	}

}
