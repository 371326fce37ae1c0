package io.sharedstate.process;

import java.net.InetSocketAddress;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.SharedState;

/**
 * Helpers for child JVM mains: how they connect to the parent's manager.
 */
public final class Children {

	/** The authkey every test manager uses; children read it from the environment. */
	public static final String AUTHKEY = "test-authkey";

	private Children() {
	}

	/**
	 * Connects to the manager at {@code host:port} with the authkey from the environment.
	 * @param hostPort the address
	 * @return the manager
	 */
	public static SharedState connect(String hostPort) {
		return SharedState.connect(
				ClientOptions.create(address(hostPort), System.getenv().getOrDefault("SHARED_STATE_AUTHKEY", AUTHKEY))
					.withAllowedPackages("io.sharedstate"));
	}

	/**
	 * Parses {@code host:port}.
	 * @param hostPort the address
	 * @return the socket address
	 */
	public static InetSocketAddress address(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
	}

	/**
	 * Formats an address as {@code host:port}.
	 * @param address the address
	 * @return the text
	 */
	public static String hostPort(InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

}
