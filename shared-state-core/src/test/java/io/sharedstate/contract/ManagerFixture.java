package io.sharedstate.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.api.ManagerMode;

/**
 * Starts the managers of one engine once per test class and closes them after it.
 * Register it as a static field with {@code @RegisterExtension} in a concrete subclass of
 * a contract and return {@link #manager()} (and {@link #peer()}) from its factory
 * methods.
 */
public final class ManagerFixture implements BeforeAllCallback, AfterAllCallback {

	private final Callable<List<SharedState>> starter;

	private List<SharedState> managers = List.of();

	private ManagerFixture(Callable<List<SharedState>> starter) {
		this.starter = starter;
	}

	/**
	 * Creates a fixture for any engine.
	 * @param starter starts the managers: the one tests use first, optionally another
	 * manager of the same objects second (see {@link #peer()}), then any more that only
	 * need closing; they are closed in the order given
	 * @return the fixture
	 */
	public static ManagerFixture of(Callable<List<SharedState>> starter) {
		return new ManagerFixture(starter);
	}

	/**
	 * Creates a fixture for the in-process engine.
	 * @return the fixture
	 */
	public static ManagerFixture inProcess() {
		return of(() -> List.of(SharedState.inProcess()));
	}

	/**
	 * Creates a fixture for a manager server on loopback and two clients of it: the one
	 * tests use and a peer, as another process would be.
	 * @return the fixture
	 */
	public static ManagerFixture remote() {
		return remote("io.sharedstate");
	}

	/**
	 * Creates a fixture for a manager server on loopback and two clients of it, all
	 * allowing the given packages.
	 * @param allowedPackages the packages whose classes values and functions may use
	 * @return the fixture
	 */
	public static ManagerFixture remote(String... allowedPackages) {
		return of(() -> {
			String authkey = "contract-" + UUID.randomUUID();
			List<SharedState> started = new ArrayList<>();
			try {
				SharedState server = SharedState
					.serve(ServerOptions.create(authkey).withAllowedPackages(allowedPackages));
				ClientOptions client = ClientOptions.create(server.address(), authkey)
					.withAllowedPackages(allowedPackages);
				started.add(SharedState.connect(client.withClientName("contract")));
				started.add(SharedState.connect(client.withClientName("contract-peer")));
				started.add(server);
				return List.copyOf(started);
			}
			catch (RuntimeException ex) {
				started.forEach(SharedState::close);
				throw ex;
			}
		});
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Starts the managers, for use outside JUnit Jupiter.
	 * @throws Exception if they cannot be started
	 */
	public void start() throws Exception {
		this.managers = this.starter.call();
	}

	/**
	 * Closes the managers, for use outside JUnit Jupiter.
	 */
	public void stop() {
		List<SharedState> started = this.managers;
		this.managers = List.of();
		for (SharedState manager : started) {
			manager.close();
		}
	}

	/**
	 * Returns the manager the tests use.
	 * @return the manager
	 */
	public SharedState manager() {
		return this.managers.get(0);
	}

	/**
	 * Returns the manager that hosts the objects: the server, or the in-process manager.
	 * @return the hosting manager
	 */
	public SharedState host() {
		return this.managers.stream()
			.filter((manager) -> manager.mode() != ManagerMode.CLIENT)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Returns another manager of the same objects, as another process sees them.
	 * @return the peer, or {@link #manager()} when the engine has only one
	 */
	public SharedState peer() {
		return this.managers.get((this.managers.size() > 1) ? 1 : 0);
	}

}
