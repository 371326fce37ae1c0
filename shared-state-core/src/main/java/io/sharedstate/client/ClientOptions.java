package io.sharedstate.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;

/**
 * How a client reaches and talks to a manager server. Immutable; the {@code with...}
 * methods return changed copies.
 */
public final class ClientOptions implements Cloneable {

	private final InetSocketAddress address;

	private final byte[] authkey;

	private Duration connectTimeout = Duration.ofSeconds(5);

	private Duration callTimeout = Duration.ofSeconds(30);

	private Duration heartbeatInterval = Duration.ofSeconds(10);

	private int maxFrameBytes = Frames.DEFAULT_MAX_FRAME_BYTES;

	private List<String> allowedPackages = List.of();

	private String clientName = "pid-" + ProcessHandle.current().pid();

	private SSLContext sslContext;

	private ClientOptions(InetSocketAddress address, byte[] authkey) {
		this.address = Objects.requireNonNull(address, "address is required");
		if (authkey == null || authkey.length == 0) {
			throw new IllegalArgumentException("An authkey is required to connect to a manager server");
		}
		this.authkey = authkey;
	}

	/**
	 * Creates options with defaults: 5 s connect timeout, 30 s call timeout, 10 s
	 * heartbeat, 16 MiB frames, no TLS.
	 * @param address the server's address
	 * @param authkey the shared secret
	 * @return the options
	 */
	public static ClientOptions create(InetSocketAddress address, String authkey) {
		return new ClientOptions(address, Handshake.authkeyBytes(authkey));
	}

	private ClientOptions copy() {
		try {
			return (ClientOptions) clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the server's address.
	 * @return the address
	 */
	public InetSocketAddress address() {
		return this.address;
	}

	/**
	 * Returns the secret shared with the server.
	 * @return the authkey's bytes
	 */
	public byte[] authkey() {
		return this.authkey;
	}

	/**
	 * Returns how long to wait for the server to accept and authenticate a connection.
	 * @return the timeout
	 */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Returns how long a call waits for its reply before failing.
	 * @return the timeout
	 */
	public Duration callTimeout() {
		return this.callTimeout;
	}

	/**
	 * Returns how often an idle connection is pinged so neither side drops it.
	 * @return the interval
	 */
	public Duration heartbeatInterval() {
		return this.heartbeatInterval;
	}

	/**
	 * Returns the largest reply this client accepts.
	 * @return the bytes
	 */
	public int maxFrameBytes() {
		return this.maxFrameBytes;
	}

	/**
	 * Returns the packages whose classes may be decoded on top of the JDK's value types.
	 * @return the packages
	 */
	public List<String> allowedPackages() {
		return this.allowedPackages;
	}

	/**
	 * Returns this client's name, shown on the server.
	 * @return the name
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * Returns the TLS context connections are encrypted with.
	 * @return the context, or {@code null} for plain TCP
	 */
	public SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * Returns a copy with another connect timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ClientOptions withConnectTimeout(Duration timeout) {
		ClientOptions copy = copy();
		copy.connectTimeout = timeout;
		return copy;
	}

	/**
	 * Returns a copy with another call timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	public ClientOptions withCallTimeout(Duration timeout) {
		ClientOptions copy = copy();
		copy.callTimeout = timeout;
		return copy;
	}

	/**
	 * Returns a copy with another heartbeat interval.
	 * @param interval the interval
	 * @return the copy
	 */
	public ClientOptions withHeartbeatInterval(Duration interval) {
		ClientOptions copy = copy();
		copy.heartbeatInterval = interval;
		return copy;
	}

	/**
	 * Returns a copy with another frame limit.
	 * @param bytes the largest reply accepted
	 * @return the copy
	 */
	public ClientOptions withMaxFrameBytes(int bytes) {
		ClientOptions copy = copy();
		copy.maxFrameBytes = bytes;
		return copy;
	}

	/**
	 * Returns a copy that also decodes classes of these packages.
	 * @param packages the packages
	 * @return the copy
	 */
	public ClientOptions withAllowedPackages(String... packages) {
		ClientOptions copy = copy();
		copy.allowedPackages = List.of(packages);
		return copy;
	}

	/**
	 * Returns a copy with another client name.
	 * @param name the name shown on the server
	 * @return the copy
	 */
	public ClientOptions withClientName(String name) {
		ClientOptions copy = copy();
		copy.clientName = Objects.requireNonNull(name, "name");
		return copy;
	}

	/**
	 * Returns a copy that encrypts connections with TLS; the server's certificate must be
	 * trusted by the context (and, for mutual TLS, the context holds this client's key).
	 * The authkey handshake still runs inside TLS.
	 * @param context the TLS context
	 * @return the copy
	 */
	public ClientOptions withTls(SSLContext context) {
		ClientOptions copy = copy();
		copy.sslContext = Objects.requireNonNull(context, "context");
		return copy;
	}

}
