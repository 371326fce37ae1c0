package io.sharedstate.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;

/**
 * How a manager server listens and what it accepts. Immutable; the {@code with...}
 * methods return changed copies.
 *
 * @param address where to listen; port 0 picks a free port
 * @param authkey the secret every client must prove it knows
 * @param maxFrameBytes the largest request accepted; a larger one closes its connection
 * @param maxInFlight the most requests one connection may have awaiting replies
 * @param idleTimeout how long a connection may stay silent before the server closes it
 * (clients send heartbeats well within it)
 * @param handshakeTimeout how long a new connection has to authenticate
 * @param sessionGracePeriod how long a client process may stay disconnected before the
 * server releases what it held (locks, permits, barrier places, reserved queue items)
 * @param allowedPackages packages whose classes may be decoded on top of the JDK's value
 * types
 * @param pythonAddress where Python clients ({@code multiprocessing.managers}) connect,
 * with the same authkey; {@code null} (the default) accepts none
 */
public record ServerOptions(InetSocketAddress address, byte[] authkey, int maxFrameBytes, int maxInFlight,
		Duration idleTimeout, Duration handshakeTimeout, Duration sessionGracePeriod, List<String> allowedPackages,
		InetSocketAddress pythonAddress) {

	public ServerOptions {
		Objects.requireNonNull(address, "address is required");
		if (authkey == null || authkey.length == 0) {
			throw new IllegalArgumentException(
					"A manager server requires an authkey; clients must present the same one");
		}
		allowedPackages = List.copyOf(allowedPackages);
	}

	/**
	 * Creates options with defaults: loopback, a free port, 16 MiB frames, 1024 requests
	 * in flight, 15 s idle timeout, 10 s handshake timeout, 5 s session grace period.
	 * @param authkey the shared secret
	 * @return the options
	 */
	public static ServerOptions create(String authkey) {
		return new ServerOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
				Handshake.authkeyBytes(authkey), Frames.DEFAULT_MAX_FRAME_BYTES, 1024, Duration.ofSeconds(15),
				Duration.ofSeconds(10), Duration.ofSeconds(5), List.of(), null);
	}

	/**
	 * Returns a copy listening elsewhere.
	 * @param address the address; port 0 picks a free port
	 * @return the copy
	 */
	public ServerOptions withAddress(InetSocketAddress address) {
		return new ServerOptions(address, this.authkey, this.maxFrameBytes, this.maxInFlight, this.idleTimeout,
				this.handshakeTimeout, this.sessionGracePeriod, this.allowedPackages, this.pythonAddress);
	}

	/**
	 * Returns a copy with another frame limit.
	 * @param bytes the largest frame accepted
	 * @return the copy
	 */
	public ServerOptions withMaxFrameBytes(int bytes) {
		return new ServerOptions(this.address, this.authkey, bytes, this.maxInFlight, this.idleTimeout,
				this.handshakeTimeout, this.sessionGracePeriod, this.allowedPackages, this.pythonAddress);
	}

	/**
	 * Returns a copy with another in-flight limit.
	 * @param requests the most requests awaiting replies per connection
	 * @return the copy
	 */
	public ServerOptions withMaxInFlight(int requests) {
		return new ServerOptions(this.address, this.authkey, this.maxFrameBytes, requests, this.idleTimeout,
				this.handshakeTimeout, this.sessionGracePeriod, this.allowedPackages, this.pythonAddress);
	}

	/**
	 * Returns a copy with another idle timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ServerOptions withIdleTimeout(Duration timeout) {
		return new ServerOptions(this.address, this.authkey, this.maxFrameBytes, this.maxInFlight, timeout,
				this.handshakeTimeout, this.sessionGracePeriod, this.allowedPackages, this.pythonAddress);
	}

	/**
	 * Returns a copy with another handshake timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ServerOptions withHandshakeTimeout(Duration timeout) {
		return new ServerOptions(this.address, this.authkey, this.maxFrameBytes, this.maxInFlight, this.idleTimeout,
				timeout, this.sessionGracePeriod, this.allowedPackages, this.pythonAddress);
	}

	/**
	 * Returns a copy with another session grace period.
	 * @param period how long a disconnected client keeps what it holds
	 * @return the copy
	 */
	public ServerOptions withSessionGracePeriod(Duration period) {
		return new ServerOptions(this.address, this.authkey, this.maxFrameBytes, this.maxInFlight, this.idleTimeout,
				this.handshakeTimeout, period, this.allowedPackages, this.pythonAddress);
	}

	/**
	 * Returns a copy that also accepts Python clients: a second listener that speaks
	 * CPython's {@code multiprocessing.managers} protocol, with the same authkey (see
	 * docs/python-clients.md).
	 * @param address where Python clients connect; port 0 picks a free port
	 * @return the copy
	 */
	public ServerOptions withPythonAddress(InetSocketAddress address) {
		return new ServerOptions(this.address, this.authkey, this.maxFrameBytes, this.maxInFlight, this.idleTimeout,
				this.handshakeTimeout, this.sessionGracePeriod, this.allowedPackages, address);
	}

	/**
	 * Returns a copy that may decode classes of the given packages.
	 * @param packages package names, e.g. {@code com.example.orders}
	 * @return the copy
	 */
	public ServerOptions withAllowedPackages(String... packages) {
		return new ServerOptions(this.address, this.authkey, this.maxFrameBytes, this.maxInFlight, this.idleTimeout,
				this.handshakeTimeout, this.sessionGracePeriod, List.of(packages), this.pythonAddress);
	}

}
