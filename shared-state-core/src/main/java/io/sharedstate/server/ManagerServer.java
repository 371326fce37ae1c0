package io.sharedstate.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.LocalInspector;
import io.sharedstate.protocol.Handshake.ServerTerms;

/**
 * Serves a local engine's objects to clients over TCP. Each connection has its own
 * thread, which reads a request, runs it and writes the reply: one wake-up per
 * synchronous call, as few as a blocking call can cost. A connection that misbehaves is
 * closed with a logged reason; the others carry on.
 */
public final class ManagerServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ManagerServer.class);

	private final LocalEngine engine;

	private final ServerOptions options;

	private final ServerSocket serverSocket;

	private final RequestDispatcher dispatcher;

	private final ServerTerms terms;

	private final Sessions sessions;

	private final LocalInspector inspector;

	private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();

	private final AtomicLong connectionIds = new AtomicLong();

	private final Thread acceptor;

	private volatile boolean closed;

	private volatile ScheduledFuture<?> watcher;

	private ManagerServer(LocalEngine engine, ServerOptions options, ServerSocket serverSocket) {
		this.engine = engine;
		this.options = options;
		this.serverSocket = serverSocket;
		ValueCodec codec = new ValueCodec(ClassAllowList.of(options.allowedPackages()),
				(type, name, custom) -> engine.open(type, name, custom).object());
		this.inspector = new LocalInspector(engine, this::clients);
		this.dispatcher = new RequestDispatcher(engine, codec, this.inspector);
		this.sessions = new Sessions(engine, options.sessionGracePeriod());
		this.terms = new ServerTerms(options.maxFrameBytes(), options.maxInFlight(),
				(int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()), new SecureRandom().nextLong());
		this.acceptor = new Thread(this::acceptConnections, "shared-state-server-" + address().getPort());
		this.acceptor.setDaemon(true);
	}

	/**
	 * Binds and starts accepting connections.
	 * @param engine the objects to serve
	 * @param options address, authkey and limits
	 * @return the running server
	 * @throws SharedStateException if the address cannot be bound
	 */
	public static ManagerServer start(LocalEngine engine, ServerOptions options) {
		ServerSocket socket;
		try {
			socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(options.address(), 128);
		}
		catch (IOException ex) {
			throw new SharedStateException("Cannot listen on " + options.address().getHostString() + ":"
					+ options.address().getPort() + ": " + ex.getMessage(), ex);
		}
		ManagerServer server = new ManagerServer(engine, options, socket);
		engine.servedAt(server.address());
		server.acceptor.start();
		long period = Math.max(20,
				Math.min(1000, Math.min(options.handshakeTimeout().toMillis(), options.idleTimeout().toMillis()) / 10));
		server.watcher = engine.timer()
			.scheduleWithFixedDelay(server::watchConnections, period, period, TimeUnit.MILLISECONDS);
		logger.info("Manager server listening on {}:{}", server.address().getHostString(), server.address().getPort());
		return server;
	}

	/**
	 * Returns the bound address (with the actual port when port 0 was asked for).
	 * @return the address
	 */
	public InetSocketAddress address() {
		return (InetSocketAddress) this.serverSocket.getLocalSocketAddress();
	}

	/**
	 * Returns the connected clients, in the order they connected.
	 * @return the clients
	 */
	public List<ClientInfo> clients() {
		return this.connections.stream()
			.filter((connection) -> connection.identity() != null)
			.sorted(Comparator.comparingLong(ServerConnection::id))
			.map((connection) -> new ClientInfo(connection.id(), connection.identity().pid(),
					connection.identity().host(), connection.identity().name(), connection.connectedAt(),
					connection.operations()))
			.toList();
	}

	/**
	 * Returns an inspector of the served objects and the connected clients.
	 * @return the inspector
	 */
	public LocalInspector inspector() {
		return this.inspector;
	}

	private void watchConnections() {
		long now = System.nanoTime();
		for (ServerConnection connection : this.connections) {
			connection.watch(now);
		}
	}

	private void acceptConnections() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				ServerConnection connection = new ServerConnection(this.connectionIds.incrementAndGet(), socket,
						this.options, this.terms, this.dispatcher, this.sessions, this.connections::remove);
				this.connections.add(connection);
				connection.start();
			}
			catch (IOException ex) {
				if (!this.closed) {
					logger.warn("Accepting a connection failed: {}", ex.toString());
				}
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
		ScheduledFuture<?> current = this.watcher;
		if (current != null) {
			current.cancel(false);
		}
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			logger.debug("Closing the server socket failed", ex);
		}
		for (ServerConnection connection : this.connections) {
			connection.close();
		}
		try {
			this.acceptor.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.engine.servedAt(null);
		logger.info("Manager server on port {} stopped", this.serverSocket.getLocalPort());
	}

}
