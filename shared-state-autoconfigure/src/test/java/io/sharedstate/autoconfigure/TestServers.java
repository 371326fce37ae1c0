package io.sharedstate.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.process.Children;

/**
 * Manager servers that tests start themselves, for applications in client mode to use.
 */
public final class TestServers {

	/** The authkey of every test server. */
	public static final String AUTHKEY = Children.AUTHKEY;

	private TestServers() {
	}

	/**
	 * Starts a manager server on a free loopback port.
	 * @return the server
	 */
	public static SharedState start() {
		return SharedState.serve(ServerOptions.create(AUTHKEY));
	}

	/**
	 * Starts a manager server on a given loopback port.
	 * @param port the port
	 * @return the server
	 */
	public static SharedState start(int port) {
		return SharedState.serve(ServerOptions.create(AUTHKEY).withAddress(new InetSocketAddress("127.0.0.1", port)));
	}

	/**
	 * Returns the properties of a client of a server.
	 * @param server the server
	 * @return {@code shared-state.*} properties, as {@code name=value}
	 */
	public static String[] clientOf(SharedState server) {
		return new String[] { "shared-state.mode=client", "shared-state.address=" + Children.hostPort(server.address()),
				"shared-state.authkey=" + AUTHKEY };
	}

	/**
	 * Returns a loopback port that nothing listens on now.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
