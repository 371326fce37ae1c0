package io.sharedstate.server;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedStateException;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.host.ObjectHost;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.protocol.Handshake.ServerTerms;
import io.sharedstate.python.LocalPythonObjectSpace;
import io.sharedstate.python.PythonListener;
import io.sharedstate.python.LocalPythonObjectSpace;
import io.sharedstate.python.PythonListener;

/**
 * Serves a local engine's objects to client processes over the binary protocol.
 * Connections are served by a few I/O threads that never block: a request runs on the
 * thread that read it, its reply is written from there, and a client that stops reading
 * cannot hold up anyone else.
 */
public final class ManagerServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ManagerServer.class);

	private final LocalEngine engine;

	private final ServerOptions options;

	private final RequestDispatcher dispatcher;

	private final ServerTerms terms;

	private final FrameBudget frameBudget;

	private final FailureLog failures = new FailureLog();

	private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();

	private final AtomicLong connectionIds = new AtomicLong();

	private final AtomicInteger runningRequests = new AtomicInteger();

	private volatile EventLoopGroup ioThreads;

	private volatile ExecutorService userCalls;

	private volatile Channel listener;

	private volatile boolean closed;

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
		this.dispatcher = new RequestDispatcher(engine,
				new ValueCodec(ClassAllowList.of(options.allowedPackages()), engine::open), engine.inspector());
		this.terms = new ServerTerms(options.maxFrameBytes(), options.maxInFlight(),
				(int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()), new SecureRandom().nextLong());
		this.frameBudget = new FrameBudget(options.maxBufferedFrameBytes());
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
		if (this.listener != null) {
			return;
		}
		this.ioThreads = ServerTransport.ioThreads(this.options.ioThreads());
		this.userCalls = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new DefaultThreadFactory("shared-state-calls", true));
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.ioThreads)
			.channel(ServerTransport.serverChannel())
			.option(ChannelOption.SO_BACKLOG, 128)
			.option(ChannelOption.SO_REUSEADDR, true)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
			.childHandler(new ConnectionInitializer(this));
		try {
			this.listener = bootstrap.bind(this.options.address()).syncUninterruptibly().channel();
		}
		catch (Exception ex) {
			// Netty rethrows the bind's own exception (a BindException, say) unchecked.
			shutDownThreads();
			throw new SharedStateException("Cannot listen on " + this.options.address().getHostString() + ":"
					+ this.options.address().getPort() + ": " + ex.getMessage(), ex);
		}
		this.engine.servedAt(address(), this::clients);
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

	private WriteBufferWaterMark waterMark() {
		int high = (int) Math.min(Integer.MAX_VALUE, Math.max(64 * 1024, this.options.maxPendingReplyBytes() / 4));
		return new WriteBufferWaterMark(high / 2, high);
	}

	/**
	 * Returns whether the server accepts connections.
	 * @return whether it was started and not stopped
	 */
	public boolean isListening() {
		return this.listener != null && !this.closed;
	}

	/**
	 * Returns the address the server listens on.
	 * @return the bound address, or {@code null} before {@link #start()}
	 */
	public InetSocketAddress address() {
		Channel current = this.listener;
		return (current != null) ? (InetSocketAddress) current.localAddress() : null;
	}

	/**
	 * Describes the connected clients that have said who they are.
	 * @return the clients, oldest connection first
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

	ServerConnection connectionOpened(FrameDecoder decoder) {
		ServerConnection connection = new ServerConnection(this.connectionIds.incrementAndGet(), this, decoder);
		this.connections.add(connection);
		if (this.closed) {
			connection.close();
		}
		return connection;
	}

	void connectionClosed(ServerConnection connection) {
		this.connections.remove(connection);
	}

	void requestStarted() {
		this.runningRequests.incrementAndGet();
	}

	void requestEnded() {
		this.runningRequests.decrementAndGet();
	}

	ObjectHost host() {
		return this.engine.host();
	}

	RequestDispatcher dispatcher() {
		return this.dispatcher;
	}

	ServerOptions options() {
		return this.options;
	}

	ServerTerms terms() {
		return this.terms;
	}

	FrameBudget frameBudget() {
		return this.frameBudget;
	}

	FailureLog failures() {
		return this.failures;
	}

	ExecutorService userCalls() {
		return this.userCalls;
	}

	long watchPeriodMillis() {
		return Math.max(20, Math.min(1000, this.options.idleTimeout().toMillis() / 10));
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
	 * is closed. Calls that are parked (a lock, a queue item) are not waited for: their
	 * clients are told the connection was lost.
	 * @param grace how long running requests may take
	 */
	public void stop(Duration grace) {
		Channel current;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			current = this.listener;
		}
		if (this.python != null) {
			this.python.close();
		}
		if (current == null) {
			return;
		}
		InetSocketAddress address = address();
		current.close().syncUninterruptibly();
		long deadline = System.nanoTime() + grace.toNanos();
		while (this.runningRequests.get() > 0 && System.nanoTime() - deadline < 0) {
			LockSupport.parkNanos(1_000_000);
		}
		this.connections.forEach(ServerConnection::close);
		shutDownThreads();
		this.engine.servedAt(null, null);
		logger.info("Manager server on port {} stopped", address.getPort());
	}

	private void shutDownThreads() {
		EventLoopGroup group = this.ioThreads;
		if (group != null) {
			group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
		}
		ExecutorService calls = this.userCalls;
		if (calls != null) {
			calls.shutdownNow();
		}
	}

}
