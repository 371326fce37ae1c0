package io.sharedstate;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sharedstate.client.ManagerDirectory;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.pool.WorkerEndpoint;
import io.sharedstate.server.ManagerServer;
import io.sharedstate.server.ServerOptions;

/**
 * The manager server an in-process manager runs on loopback while it has pools, so that
 * their worker JVMs reach its objects (and its objects can travel to them), with an
 * authkey of its own that only the workers get. It stops when the last pool has
 * terminated.
 */
final class PoolLoopback {

	private final LocalEngine engine;

	private ManagerServer server;

	private byte[] authkey;

	private int pools;

	PoolLoopback(LocalEngine engine) {
		this.engine = engine;
	}

	/**
	 * Starts the server unless it runs, and counts one more pool.
	 * @param allowedPackages what the server accepts in values; taken from the pool that
	 * starts it
	 * @return where the pool's workers connect; its release counts the pool out
	 */
	synchronized WorkerEndpoint acquire(List<String> allowedPackages) {
		if (this.server == null) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String key = Base64.getEncoder().encodeToString(random);
			this.server = ManagerServer.start(this.engine,
					ServerOptions.create(key).withAllowedPackages(allowedPackages.toArray(String[]::new)));
			this.authkey = ServerOptions.create(key).authkey();
			ManagerDirectory.add(this.server.address(), this.engine);
		}
		this.pools++;
		AtomicBoolean released = new AtomicBoolean();
		return new WorkerEndpoint(this.server.address(), this.authkey, () -> {
			if (released.compareAndSet(false, true)) {
				release();
			}
		});
	}

	private synchronized void release() {
		if (--this.pools > 0) {
			return;
		}
		InetSocketAddress address = this.server.address();
		this.server.close();
		ManagerDirectory.remove(address, this.engine);
		this.server = null;
	}

}
