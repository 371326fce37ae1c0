package io.sharedstate.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedStateException;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.LocalInspector;
import io.sharedstate.protocol.Handshake.ServerTerms;
import io.sharedstate.python.LocalPythonObjectSpace;
import io.sharedstate.python.PythonListener;

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

	private volatile ServerSocket serverSocket;

	private final RequestDispatcher dispatcher;

	private final ServerTerms terms;

	private final Sessions sessions;

	private final LocalInspector inspector;

	private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();

	private final AtomicLong connectionIds = new AtomicLong();

	private volatile Thread acceptor;

	private volatile boolean closed;

	private volatile ScheduledFuture<?> watcher;

	/** Python clients' listener, or {@code null} when none is configured. */
	private final PythonListener python;

	/**
	 * Creates a server for an engine's objects; it listens once {@link #start()} is
	 * called.
	 * @param engine the objects to serve
	 * @param options where to listen, the authkey and the limits
	 */
	public ManagerServer(LocalEngine engine, ServerOptions options) {
		this.engine = engine;
		this.options = options;
		ValueCodec codec = new ValueCodec(ClassAllowList.of(options.allowedPackages()),
				(type, name, custom) -> engine.open(type, name, custom).object());
		this.inspector = new LocalInspector(engine, this::clients);
		this.dispatcher = new RequestDispatcher(engine, codec, this.inspector);
		this.sessions = new Sessions(engine, options.sessionGracePeriod());
		this.terms = new ServerTerms(options.maxFrameBytes(), options.maxInFlight(),
				(int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()), new SecureRandom().nextLong());
		this.python = (options.pythonAddress() != null)
				? new PythonListener(new LocalPythonObjectSpace(engine), options.pythonAddress(), options.authkey(),
						options.maxFrameBytes(), options.handshakeTimeout(), this.connectionIds::incrementAndGet)
				: null;
	}

	/**
	 * Starts a manager server.
	 * @param engine the objects to serve
	 * @param options where to listen, the authkey and the limits
	 * @return the server, listening
	 * @throws SharedStateException if the address cannot be bound
	 */
	public static ManagerServer start(LocalEngine engine, ServerOptions options) {
		ManagerServer server = new ManagerServer(engine, options);
		server.start();
		return server;
	}

	/**
	 * Binds the address and starts accepting connections; does nothing if already
	 * listening.
	 * @throws SharedStateException if the address cannot be bound
	 * @throws IllegalStateException if the server was stopped
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("This manager server was stopped; create a new one to serve again");
		}
		if (this.serverSocket != null) {
			return;
		}
		ServerSocket socket;
		try {
			socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(this.options.address(), 128);
		}
		catch (IOException ex) {
			throw new SharedStateException("Cannot listen on " + this.options.address().getHostString() + ":"
					+ this.options.address().getPort() + ": " + ex.getMessage(), ex);
		}
		this.serverSocket = socket;
		this.engine.servedAt(address());
		this.acceptor = new Thread(this::acceptConnections, "shared-state-server-" + address().getPort());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
		long period = Math.max(20, Math.min(1000,
				Math.min(this.options.handshakeTimeout().toMillis(), this.options.idleTimeout().toMillis()) / 10));
		this.watcher = this.engine.timer()
			.scheduleWithFixedDelay(this::watchConnections, period, period, TimeUnit.MILLISECONDS);
		logger.info("Manager server listening on {}:{}", address().getHostString(), address().getPort());
		if (this.python != null) {
			try {
				this.python.start();
			}
			catch (RuntimeException ex) {
				close();
				throw ex;
			}
		}
	}

	/**
	 * Returns where Python clients connect.
	 * @return the bound address, or {@code null} if Python clients are not accepted or
	 * the server does not listen yet
	 */
	public InetSocketAddress pythonAddress() {
		return (this.python != null) ? this.python.address() : null;
	}

	/**
	 * Returns whether the server accepts connections.
	 * @return whether it was started and not stopped
	 */
	public boolean isListening() {
		return this.serverSocket != null && !this.closed;
	}

	/**
	 * Returns the address the server listens on.
	 * @return the bound address, or {@code null} before {@link #start()}
	 */
	public InetSocketAddress address() {
		ServerSocket socket = this.serverSocket;
		return (socket != null) ? (InetSocketAddress) socket.getLocalSocketAddress() : null;
	}

	/**
	 * Returns the connected clients, in the order they connected.
	 * @return the clients
	 */
	public List<ClientInfo> clients() {
		List<ClientInfo> clients = this.connections.stream()
			.filter((connection) -> connection.identity() != null)
			.sorted(Comparator.comparingLong(ServerConnection::id))
			.map((connection) -> new ClientInfo(connection.id(), connection.identity().pid(),
					connection.identity().host(), connection.identity().name(), connection.connectedAt(),
					connection.operations()))
			.toList();
		return (this.python != null) ? Stream.concat(clients.stream(), this.python.clients().stream()).toList()
				: clients;
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

	/**
	 * Stops the server at once: {@code stop(Duration.ZERO)}.
	 */
	@Override
	public void close() {
		stop(Duration.ZERO);
	}

	/**
	 * Stops the server: no new connections are accepted, requests being run are given up
	 * to the grace period to finish and have their replies written, then every connection
	 * is closed. Waits that are parked (a lock, a queue item) are not waited for: their
	 * clients are told the connection was lost.
	 * @param grace how long running requests may take
	 */
	public void stop(Duration grace) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		ScheduledFuture<?> current = this.watcher;
		if (current != null) {
			current.cancel(false);
		}
		if (this.python != null) {
			this.python.close();
		}
		ServerSocket socket = this.serverSocket;
		if (socket == null) {
			return;
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			logger.debug("Closing the server socket failed", ex);
		}
		long deadline = System.nanoTime() + grace.toNanos();
		for (ServerConnection connection : this.connections) {
			connection.closeWhenIdle(deadline);
		}
		try {
			this.acceptor.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.engine.servedAt(null);
		logger.info("Manager server on port {} stopped", socket.getLocalPort());
	}

}
