package io.sharedstate;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.client.ClientOptions;

/**
 * The managers this process uses, by address, so that a proxy deserialized here reuses a
 * connection to its manager instead of opening another.
 */
final class ManagerDirectory {

	/** System property holding the authkey used to reconnect deserialized proxies. */
	static final String AUTHKEY_PROPERTY = "shared-state.authkey";

	/**
	 * Environment variable holding the authkey used to reconnect deserialized proxies.
	 */
	static final String AUTHKEY_VARIABLE = "SHARED_STATE_AUTHKEY";

	private static final ConcurrentHashMap<String, SharedState> MANAGERS = new ConcurrentHashMap<>();

	private ManagerDirectory() {
	}

	static void add(InetSocketAddress address, SharedState state) {
		MANAGERS.putIfAbsent(key(address.getHostString(), address.getPort()), state);
	}

	static void remove(InetSocketAddress address, SharedState state) {
		MANAGERS.remove(key(address.getHostString(), address.getPort()), state);
	}

	static SharedState forAddress(String host, int port) {
		SharedState known = MANAGERS.get(key(host, port));
		if (known != null) {
			return known;
		}
		synchronized (MANAGERS) {
			known = MANAGERS.get(key(host, port));
			if (known != null) {
				return known;
			}
			String authkey = System.getProperty(AUTHKEY_PROPERTY, System.getenv(AUTHKEY_VARIABLE));
			if (authkey == null) {
				throw new SharedStateException("this process has no connection to the manager at " + host + ":" + port
						+ " and no authkey to open one: set the " + AUTHKEY_VARIABLE + " environment variable or the "
						+ AUTHKEY_PROPERTY + " system property, or connect with SharedState.connect(...) first");
			}
			return SharedState.connect(ClientOptions.create(new InetSocketAddress(host, port), authkey));
		}
	}

	private static String key(String host, int port) {
		return host + ":" + port;
	}

}
