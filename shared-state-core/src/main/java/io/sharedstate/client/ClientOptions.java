package io.sharedstate.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;

/**
 * How a client reaches and talks to a manager server. Immutable; the {@code with...}
 * methods return changed copies.
 *
 * @param address the server's address
 * @param authkey the secret shared with the server
 * @param connectTimeout how long to wait for the server to accept and authenticate a
 * connection
 * @param callTimeout how long a call waits for its reply before failing
 * @param heartbeatInterval how often an idle connection is pinged so neither side drops
 * it
 * @param maxFrameBytes the largest reply this client accepts
 * @param allowedPackages packages whose classes may be decoded on top of the JDK's value
 * types
 * @param clientName a name for this client, shown on the server
 */
public record ClientOptions(InetSocketAddress address, byte[] authkey, Duration connectTimeout, Duration callTimeout,
		Duration heartbeatInterval, int maxFrameBytes, List<String> allowedPackages, String clientName) {

	public ClientOptions {
		Objects.requireNonNull(address, "address is required");
		if (authkey == null || authkey.length == 0) {
			throw new IllegalArgumentException("An authkey is required to connect to a manager server");
		}
		allowedPackages = List.copyOf(allowedPackages);
	}

	/**
	 * Creates options with defaults: 5 s connect timeout, 30 s call timeout, 10 s
	 * heartbeat, 16 MiB frames.
	 * @param address the server's address
	 * @param authkey the shared secret
	 * @return the options
	 */
	public static ClientOptions create(InetSocketAddress address, String authkey) {
		return new ClientOptions(address, Handshake.authkeyBytes(authkey), Duration.ofSeconds(5),
				Duration.ofSeconds(30), Duration.ofSeconds(10), Frames.DEFAULT_MAX_FRAME_BYTES, List.of(),
				defaultName());
	}

	/**
	 * Returns a copy with another connect timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ClientOptions withConnectTimeout(Duration timeout) {
		return new ClientOptions(this.address, this.authkey, timeout, this.callTimeout, this.heartbeatInterval,
				this.maxFrameBytes, this.allowedPackages, this.clientName);
	}

	/**
	 * Returns a copy with another call timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ClientOptions withCallTimeout(Duration timeout) {
		return new ClientOptions(this.address, this.authkey, this.connectTimeout, timeout, this.heartbeatInterval,
				this.maxFrameBytes, this.allowedPackages, this.clientName);
	}

	/**
	 * Returns a copy with another heartbeat interval.
	 * @param interval the interval
	 * @return the copy
	 */
	public ClientOptions withHeartbeatInterval(Duration interval) {
		return new ClientOptions(this.address, this.authkey, this.connectTimeout, this.callTimeout, interval,
				this.maxFrameBytes, this.allowedPackages, this.clientName);
	}

	/**
	 * Returns a copy with another frame limit.
	 * @param bytes the largest reply accepted
	 * @return the copy
	 */
	public ClientOptions withMaxFrameBytes(int bytes) {
		return new ClientOptions(this.address, this.authkey, this.connectTimeout, this.callTimeout,
				this.heartbeatInterval, bytes, this.allowedPackages, this.clientName);
	}

	/**
	 * Returns a copy that may decode classes of the given packages.
	 * @param packages package names, e.g. {@code com.example.orders}
	 * @return the copy
	 */
	public ClientOptions withAllowedPackages(String... packages) {
		return new ClientOptions(this.address, this.authkey, this.connectTimeout, this.callTimeout,
				this.heartbeatInterval, this.maxFrameBytes, List.of(packages), this.clientName);
	}

	/**
	 * Returns a copy with another client name.
	 * @param name the name shown on the server
	 * @return the copy
	 */
	public ClientOptions withClientName(String name) {
		return new ClientOptions(this.address, this.authkey, this.connectTimeout, this.callTimeout,
				this.heartbeatInterval, this.maxFrameBytes, this.allowedPackages, name);
	}

	private static String defaultName() {
		return "pid-" + ProcessHandle.current().pid();
	}

}
