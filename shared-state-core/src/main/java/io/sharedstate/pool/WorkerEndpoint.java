package io.sharedstate.pool;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where the workers of a pool reach its manager: the manager server's address and
 * authkey. For an in-process manager, a server the manager started on loopback for its
 * pools; {@code release} tells it a pool no longer needs it.
 *
 * @param address the manager server's address
 * @param authkey its authkey
 * @param release run once when the pool has terminated
 */
public record WorkerEndpoint(InetSocketAddress address, byte[] authkey, Runnable release) {

	public WorkerEndpoint {
		Objects.requireNonNull(address, "address is required");
		Objects.requireNonNull(authkey, "authkey is required");
		Objects.requireNonNull(release, "release is required");
	}

}
