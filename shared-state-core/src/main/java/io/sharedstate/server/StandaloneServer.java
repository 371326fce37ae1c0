package io.sharedstate.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
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
 *     [host:port] [allowed.package,other.package] [--python host:port]
 * </pre>
 *
 * The address defaults to {@code 127.0.0.1:0} (a free port); the bound address is printed
 * as {@code READY host:port}. With {@code --python}, Python clients
 * ({@code multiprocessing.managers}) are accepted on a second address, printed as
 * {@code PYTHON host:port} once both listen. Classes of functions that clients send must
 * be on this process's classpath.
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
		List<String> positional = new ArrayList<>(List.of(args));
		String python = null;
		int flag = positional.indexOf("--python");
		if (flag >= 0) {
			if (flag + 1 >= positional.size()) {
				System.err.println("--python needs the address Python clients connect to, as host:port");
				System.exit(2);
			}
			python = positional.remove(flag + 1);
			positional.remove(flag);
		}
		ServerOptions options = ServerOptions.create(authkey)
			.withAddress(address(positional.isEmpty() ? "127.0.0.1:0" : positional.get(0)));
		if (positional.size() > 1) {
			options = options.withAllowedPackages(positional.get(1).split(","));
		}
		if (python != null) {
			options = options.withPythonAddress(address(python));
		}
		LocalEngine engine = new LocalEngine(StandardTypes::catalog, new CustomTypes(), options.sessionGracePeriod(),
				ProxyReference::create);
		ManagerServer server = ManagerServer.start(engine, options);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			engine.close();
		}));
		System.out.println("READY " + server.address().getHostString() + ":" + server.address().getPort());
		if (server.pythonAddress() != null) {
			System.out
				.println("PYTHON " + server.pythonAddress().getHostString() + ":" + server.pythonAddress().getPort());
		}
		new CountDownLatch(1).await();
	}

	private static InetSocketAddress address(String address) {
		int colon = address.lastIndexOf(':');
		return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
	}

}
