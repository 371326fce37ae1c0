package io.sharedstate.client;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

import io.sharedstate.api.SharedStateException;
import io.sharedstate.custom.CustomTypes;
import io.sharedstate.engine.Engine;
import io.sharedstate.types.StandardTypes;

/**
 * The managers this process has open, by server address, so that a proxy read back with
 * Java serialization (which gives {@code readResolve} no context to go by) reuses this
 * process's connection to its manager instead of opening another. The one process-wide
 * table of the project, for that reason only; the value codec resolves references through
 * the engine that decodes them.
 */
public final class ManagerDirectory {

	/** System property holding the authkey used to reconnect deserialized proxies. */
	public static final String AUTHKEY_PROPERTY = "shared-state.authkey";

	/**
	 * Environment variable holding the authkey used to reconnect deserialized proxies.
	 */
	public static final String AUTHKEY_VARIABLE = "SHARED_STATE_AUTHKEY";

	private static final ConcurrentHashMap<String, Engine> ENGINES = new ConcurrentHashMap<>();

	private ManagerDirectory() {
	}

	/**
	 * Records the engine that reaches a manager server's objects in this process.
	 * @param address the server's address
	 * @param engine the engine: the server's own, or a client of it
	 */
	public static void add(InetSocketAddress address, Engine engine) {
		ENGINES.putIfAbsent(key(address.getHostString(), address.getPort()), engine);
	}

	/**
	 * Forgets an engine.
	 * @param address the server's address
	 * @param engine the engine
	 */
	public static void remove(InetSocketAddress address, Engine engine) {
		ENGINES.remove(key(address.getHostString(), address.getPort()), engine);
	}

	static Engine forAddress(String host, int port) {
		Engine known = ENGINES.get(key(host, port));
		if (known != null) {
			return known;
		}
		synchronized (ENGINES) {
			known = ENGINES.get(key(host, port));
			if (known != null) {
				return known;
			}
			String authkey = System.getProperty(AUTHKEY_PROPERTY, System.getenv(AUTHKEY_VARIABLE));
			if (authkey == null) {
				throw new SharedStateException("this process has no connection to the manager at " + host + ":" + port
						+ " and no authkey to open one: set the " + AUTHKEY_VARIABLE + " environment variable or the "
						+ AUTHKEY_PROPERTY + " system property, or connect with SharedState.connect(...) first");
			}
			Engine engine = new RemoteEngine(ClientOptions.create(new InetSocketAddress(host, port), authkey),
					StandardTypes.catalog(new CustomTypes()), ProxyReference::create, false);
			ENGINES.put(key(host, port), engine);
			return engine;
		}
	}

	private static String key(String host, int port) {
		return host + ":" + port;
	}

}
