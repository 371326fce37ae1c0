package io.sharedstate.pool;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import io.sharedstate.SharedState;
import io.sharedstate.client.ClientOptions;

/**
 * The worker side of a pool: where a task finds its manager, and the main class of worker
 * JVMs.
 *
 * <p>
 * Join a pool from any process, on any host that reaches the manager server:
 *
 * <pre>
 * SHARED_STATE_AUTHKEY=secret java -cp app.jar:shared-state-core.jar:libs/* \
 *     io.sharedstate.pool.PoolWorker 10.0.0.5:7077 workers [com.example,...]
 * </pre>
 *
 * The process serves the pool until the pool shuts down or its creator goes away, then
 * exits with status 0; stopped by the pool while a task runs (a task timeout,
 * {@code shutdownNow}), it exits at once with status 3. The last argument lists the
 * packages whose classes it may read from shared objects. The classpath must hold the
 * classes of the tasks.
 */
public final class PoolWorker {

	/** The argument that marks a worker JVM started by its pool. */
	static final String CHILD = "--child";

	private static final ThreadLocal<SharedState> TASK_MANAGER = new ThreadLocal<>();

	private static volatile SharedState processManager;

	private PoolWorker() {
	}

	/**
	 * Returns the manager of the pool this code runs for: in a task or an initializer,
	 * the manager the worker is connected to, so that a task uses shared objects by name,
	 * {@code PoolWorker.manager().dict("results")}. In a worker JVM the pool started, any
	 * thread gets it.
	 * @return the manager
	 * @throws IllegalStateException outside a pool worker
	 */
	public static SharedState manager() {
		SharedState manager = TASK_MANAGER.get();
		if (manager == null) {
			manager = processManager;
		}
		if (manager == null) {
			throw new IllegalStateException("PoolWorker.manager() is for code that runs in a pool worker (a task or "
					+ "an initializer); elsewhere, use the SharedState you connected or created");
		}
		return manager;
	}

	static <T> T runAs(SharedState manager, Callable<T> work) throws Exception {
		SharedState previous = TASK_MANAGER.get();
		TASK_MANAGER.set(manager);
		try {
			return work.call();
		}
		finally {
			if (previous != null) {
				TASK_MANAGER.set(previous);
			}
			else {
				TASK_MANAGER.remove();
			}
		}
	}

	/**
	 * Joins a pool as a worker (see the class description), or, with {@value #CHILD},
	 * runs as a worker JVM a pool started.
	 * @param args {@code host:port pool [allowed packages]}
	 */
	public static void main(String[] args) {
		List<String> arguments = Arrays.asList(args);
		boolean child = !arguments.isEmpty() && arguments.get(0).equals(CHILD);
		List<String> rest = child ? arguments.subList(1, arguments.size()) : arguments;
		if (rest.size() < (child ? 3 : 2)) {
			System.err.println("Usage: SHARED_STATE_AUTHKEY=<key> java -cp <classpath> " + PoolWorker.class.getName()
					+ " <host:port> <pool> [<allowed packages, comma separated>]");
			System.exit(2);
		}
		try {
			if (child) {
				runChild(address(rest.get(0)), rest.get(1), rest.get(2), (rest.size() > 3) ? rest.get(3) : "");
			}
			else {
				runJoined(address(rest.get(0)), rest.get(1), (rest.size() > 2) ? rest.get(2) : "");
			}
			System.exit(0);
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static void runJoined(InetSocketAddress address, String pool, String allowedPackages)
			throws InterruptedException {
		String authkey = System.getProperty("shared-state.authkey", System.getenv("SHARED_STATE_AUTHKEY"));
		if (authkey == null) {
			throw new IllegalArgumentException("Set the SHARED_STATE_AUTHKEY environment variable to the manager's "
					+ "authkey, so that this worker can connect to " + address);
		}
		ClientOptions options = ClientOptions.create(address, authkey)
			.withAllowedPackages(packages(allowedPackages))
			.withClientName("pool " + pool + " worker");
		try (SharedState manager = SharedState.connect(options)) {
			JoinedWorker.join(manager, pool, true);
		}
	}

	/**
	 * Runs a worker JVM its pool started. The authkey arrives as the first line of
	 * standard input, which then stays open while the creator lives: its end means the
	 * creator is gone (even killed), and the worker halts at once.
	 */
	private static void runChild(InetSocketAddress address, String pool, String id, String allowedPackages)
			throws IOException, InterruptedException {
		String line = firstLine(System.in);
		if (line == null) {
			return;
		}
		byte[] authkey = Base64.getDecoder().decode(line.trim());
		watchCreator(System.in);
		// Proxies deserialized here reconnect with it, as the children of a manager do.
		System.setProperty("shared-state.authkey", new String(authkey, StandardCharsets.UTF_8));
		ClientOptions options = ClientOptions.create(address, new String(authkey, StandardCharsets.UTF_8))
			.withAllowedPackages(packages(allowedPackages))
			.withClientName("pool " + pool + " worker " + id);
		try (SharedState manager = SharedState.connect(options)) {
			processManager = manager;
			new WorkerLoop(manager, new PoolNames(pool), id, false, () -> {
			}).run();
		}
	}

	/** Reads a line byte by byte, so that nothing after it is taken from the stream. */
	private static String firstLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = in.read()) >= 0 && next != '\n') {
			line.append((char) next);
		}
		return (next < 0 && line.length() == 0) ? null : line.toString();
	}

	private static void watchCreator(InputStream stdin) {
		Thread watcher = new Thread(() -> {
			try {
				while (stdin.read() >= 0) {
					// nothing else is sent
				}
			}
			catch (IOException ex) {
				// closed: the creator is gone as well
			}
			Runtime.getRuntime().halt(0);
		}, "shared-state-pool-creator-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

	private static String[] packages(String list) {
		return Arrays.stream(list.split(","))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.toArray(String[]::new);
	}

	private static InetSocketAddress address(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("Expected the manager's address as host:port, not '" + hostPort + "'");
		}
		return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
	}

}
