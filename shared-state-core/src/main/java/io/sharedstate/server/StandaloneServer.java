package io.sharedstate.server;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

import io.sharedstate.client.ProxyReference;
import io.sharedstate.custom.CustomTypes;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.types.StandardTypes;

/**
 * Runs a manager server on its own, until the process is stopped.
 *
 * <pre>
 * SHARED_STATE_AUTHKEY=secret java -cp shared-state-core.jar:... io.sharedstate.server.StandaloneServer \
 *     [host:port] [allowed.package,other.package]
 * </pre>
 *
 * The address defaults to {@code 127.0.0.1:0} (a free port); the bound address is printed
 * as {@code READY host:port}. Classes of functions that clients send must be on this
 * process's classpath.
 */
public final class StandaloneServer {

	private StandaloneServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		String authkey = System.getenv("SHARED_STATE_AUTHKEY");
		if (authkey == null || authkey.isEmpty()) {
			System.err.println("Set the SHARED_STATE_AUTHKEY environment variable to the secret clients will use.");
			System.exit(2);
		}
		String address = (args.length > 0) ? args[0] : "127.0.0.1:0";
		int colon = address.lastIndexOf(':');
		ServerOptions options = ServerOptions.create(authkey)
			.withAddress(
					new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
		if (args.length > 1) {
			options = options.withAllowedPackages(args[1].split(","));
		}
		LocalEngine engine = new LocalEngine(StandardTypes::catalog, new CustomTypes(), options.sessionGracePeriod(),
				ProxyReference::create);
		ManagerServer server = ManagerServer.start(engine, options);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			engine.close();
		}));
		System.out.println("READY " + server.address().getHostString() + ":" + server.address().getPort());
		new CountDownLatch(1).await();
	}

}
