package io.sharedstate.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;

/**
 * How a manager server listens and what it accepts. Immutable; the {@code with...}
 * methods return changed copies.
 */
public final class ServerOptions implements Cloneable {

	private InetSocketAddress address;

	private final byte[] authkey;

	private int maxFrameBytes = Frames.DEFAULT_MAX_FRAME_BYTES;

	private int maxInFlight = 1024;

	private Duration idleTimeout = Duration.ofSeconds(15);

	private Duration handshakeTimeout = Duration.ofSeconds(10);

	private Duration sessionGracePeriod = Duration.ofSeconds(5);

	private List<String> allowedPackages = List.of();

	private long maxPendingReplyBytes = 16L * 1024 * 1024;

	private long maxBufferedFrameBytes = 256L * 1024 * 1024;

	private int ioThreads = Runtime.getRuntime().availableProcessors();

	private SSLContext sslContext;

	private boolean clientCertificateRequired;

	private InetSocketAddress pythonAddress;

	private ServerOptions(byte[] authkey) {
		if (authkey == null || authkey.length == 0) {
			throw new IllegalArgumentException(
					"A manager server requires an authkey; clients must present the same one");
		}
		this.authkey = authkey;
		this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
	}

	/**
	 * Creates options with defaults: loopback, a free port, 16 MiB frames, 1024 requests
	 * in flight, 15 s idle timeout, 10 s handshake timeout, 5 s session grace period, 16
	 * MiB of pending replies per connection, 256 MiB of large frames being received
	 * server-wide, one I/O thread per CPU, no TLS.
	 * @param authkey the shared secret
	 * @return the options
	 */
	public static ServerOptions create(String authkey) {
		return new ServerOptions(Handshake.authkeyBytes(authkey));
	}

	private ServerOptions copy() {
		try {
			return (ServerOptions) clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns where the server listens.
	 * @return the address; port 0 picks a free port
	 */
	public InetSocketAddress address() {
		return this.address;
	}

	/**
	 * Returns the secret every client must prove it knows.
	 * @return the authkey's bytes
	 */
	public byte[] authkey() {
		return this.authkey;
	}

	/**
	 * Returns the largest frame accepted; a larger one closes its connection.
	 * @return the bytes
	 */
	public int maxFrameBytes() {
		return this.maxFrameBytes;
	}

	/**
	 * Returns the most requests one connection may have waiting on the server.
	 * @return the count
	 */
	public int maxInFlight() {
		return this.maxInFlight;
	}

	/**
	 * Returns how long a connection may stay silent (or stuck in the middle of a frame)
	 * before the server closes it; clients send heartbeats well within it.
	 * @return the timeout
	 */
	public Duration idleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Returns how long a new connection has to authenticate.
	 * @return the timeout
	 */
	public Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	/**
	 * Returns how long a client process may stay disconnected before the server releases
	 * what it held (locks, permits, barrier places, reserved queue items).
	 * @return the period
	 */
	public Duration sessionGracePeriod() {
		return this.sessionGracePeriod;
	}

	/**
	 * Returns the packages whose classes may be decoded on top of the JDK's value types.
	 * @return the packages
	 */
	public List<String> allowedPackages() {
		return this.allowedPackages;
	}

	/**
	 * Returns how many bytes of replies may wait to be written to one client: a client
	 * that does not read its replies is first no longer read from, then disconnected when
	 * this is exceeded.
	 * @return the bytes
	 */
	public long maxPendingReplyBytes() {
		return this.maxPendingReplyBytes;
	}

	/**
	 * Returns how many bytes of large frames (over 64 KiB) the server holds while they
	 * arrive, over all connections; a large frame beyond it is refused with an error
	 * reply.
	 * @return the bytes
	 */
	public long maxBufferedFrameBytes() {
		return this.maxBufferedFrameBytes;
	}

	/**
	 * Returns how many threads serve the connections.
	 * @return the count
	 */
	public int ioThreads() {
		return this.ioThreads;
	}

	/**
	 * Returns the TLS context connections are encrypted with.
	 * @return the context, or {@code null} for plain TCP
	 */
	public SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * Returns whether clients must present a certificate the server trusts (mutual TLS).
	 * @return whether they must
	 */
	public boolean clientCertificateRequired() {
		return this.clientCertificateRequired;
	}

	/**
	 * Returns where Python clients ({@code multiprocessing.managers}) connect, with the
	 * same authkey.
	 * @return the address, or {@code null} (the default) to accept none
	 */
	public InetSocketAddress pythonAddress() {
		return this.pythonAddress;
	}

	/**
	 * Returns a copy that also accepts Python clients: a second listener that speaks
	 * CPython's {@code multiprocessing.managers} protocol, with the same authkey (see
	 * docs/python-clients.md).
	 * @param address where Python clients connect; port 0 picks a free port
	 * @return the copy
	 */
	public ServerOptions withPythonAddress(InetSocketAddress address) {
		ServerOptions copy = copy();
		copy.pythonAddress = Objects.requireNonNull(address, "address");
		return copy;
	}

	/**
	 * Returns a copy listening elsewhere.
	 * @param address the address; port 0 picks a free port
	 * @return the copy
	 */
	public ServerOptions withAddress(InetSocketAddress address) {
		ServerOptions copy = copy();
		copy.address = Objects.requireNonNull(address, "address");
		return copy;
	}

	/**
	 * Returns a copy with another frame limit.
	 * @param bytes the largest frame accepted
	 * @return the copy
	 */
	public ServerOptions withMaxFrameBytes(int bytes) {
		ServerOptions copy = copy();
		copy.maxFrameBytes = bytes;
		return copy;
	}

	/**
	 * Returns a copy with another limit of waiting requests per connection.
	 * @param requests the count
	 * @return the copy
	 */
	public ServerOptions withMaxInFlight(int requests) {
		ServerOptions copy = copy();
		copy.maxInFlight = requests;
		return copy;
	}

	/**
	 * Returns a copy with another idle timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ServerOptions withIdleTimeout(Duration timeout) {
		ServerOptions copy = copy();
		copy.idleTimeout = timeout;
		return copy;
	}

	/**
	 * Returns a copy with another handshake timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ServerOptions withHandshakeTimeout(Duration timeout) {
		ServerOptions copy = copy();
		copy.handshakeTimeout = timeout;
		return copy;
	}

	/**
	 * Returns a copy with another session grace period.
	 * @param period the period
	 * @return the copy
	 */
	public ServerOptions withSessionGracePeriod(Duration period) {
		ServerOptions copy = copy();
		copy.sessionGracePeriod = period;
		return copy;
	}

	/**
	 * Returns a copy that also decodes classes of these packages.
	 * @param packages the packages
	 * @return the copy
	 */
	public ServerOptions withAllowedPackages(String... packages) {
		ServerOptions copy = copy();
		copy.allowedPackages = List.of(packages);
		return copy;
	}

	/**
	 * Returns a copy with another limit of pending reply bytes per connection.
	 * @param bytes the bytes
	 * @return the copy
	 */
	public ServerOptions withMaxPendingReplyBytes(long bytes) {
		ServerOptions copy = copy();
		copy.maxPendingReplyBytes = bytes;
		return copy;
	}

	/**
	 * Returns a copy with another server-wide limit of large frames being received.
	 * @param bytes the bytes
	 * @return the copy
	 */
	public ServerOptions withMaxBufferedFrameBytes(long bytes) {
		ServerOptions copy = copy();
		copy.maxBufferedFrameBytes = bytes;
		return copy;
	}

	/**
	 * Returns a copy with another number of I/O threads.
	 * @param threads the count, at least 1
	 * @return the copy
	 */
	public ServerOptions withIoThreads(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("A manager server needs at least one I/O thread, not " + threads);
		}
		ServerOptions copy = copy();
		copy.ioThreads = threads;
		return copy;
	}

	/**
	 * Returns a copy that encrypts connections with TLS. The authkey handshake still runs
	 * inside TLS: TLS protects the wire, the authkey decides who may connect.
	 * @param context the TLS context, with the server's key and certificate
	 * @param clientCertificateRequired whether clients must present a certificate the
	 * context trusts (mutual TLS)
	 * @return the copy
	 */
	public ServerOptions withTls(SSLContext context, boolean clientCertificateRequired) {
		ServerOptions copy = copy();
		copy.sslContext = Objects.requireNonNull(context, "context");
		copy.clientCertificateRequired = clientCertificateRequired;
		return copy;
	}

}
