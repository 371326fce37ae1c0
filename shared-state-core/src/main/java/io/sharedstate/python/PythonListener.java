package io.sharedstate.python;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedStateException;
import io.sharedstate.inspect.ClientInfo;

/**
 * Accepts Python clients: a listener that speaks CPython's
 * {@code multiprocessing.managers} protocol (3.8 to 3.14), so that a stock
 * {@code SyncManager(address, authkey).connect()} uses the manager's shared objects. Each
 * connection has its own thread, as in Python's own manager; the server speaks first (the
 * authkey challenge), which is why Python clients have their own address. Only plain data
 * and proxies of this manager are ever unpickled.
 */
public final class PythonListener implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PythonListener.class);

	private final PythonObjectSpace space;

	private final InetSocketAddress requestedAddress;

	private final byte[] authkey;

	private final int maxMessageBytes;

	private final Duration handshakeTimeout;

	private final LongSupplier connectionIds;

	private final Referents referents = new Referents();

	private final ServerFunctions functions;

	private final Set<PythonConnection> connections = ConcurrentHashMap.newKeySet();

	private final Set<PythonConnection> clients = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket serverSocket;

	private volatile ScheduledExecutorService watcher;

	private volatile boolean closed;

	/**
	 * Creates a listener; it listens once {@link #start()} is called.
	 * @param space where the shared objects are
	 * @param address where to listen; port 0 picks a free port
	 * @param authkey the secret Python clients pass as {@code authkey}
	 * @param maxMessageBytes the largest request accepted; a larger one closes its
	 * connection
	 * @param handshakeTimeout how long a new connection has to authenticate
	 * @param connectionIds numbers the connections, shared with the server's other
	 * listener so that client ids are unique
	 */
	public PythonListener(PythonObjectSpace space, InetSocketAddress address, byte[] authkey, int maxMessageBytes,
			Duration handshakeTimeout, LongSupplier connectionIds) {
		this.space = space;
		this.requestedAddress = address;
		this.authkey = authkey.clone();
		this.maxMessageBytes = maxMessageBytes;
		this.handshakeTimeout = handshakeTimeout;
		this.connectionIds = connectionIds;
		this.functions = new ServerFunctions(space, this.referents);
	}

	/**
	 * Binds the address and starts accepting Python clients; does nothing if already
	 * listening.
	 * @throws SharedStateException if the address cannot be bound
	 * @throws IllegalStateException if the listener was closed
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("This Python listener was closed");
		}
		if (this.serverSocket != null) {
			return;
		}
		ServerSocket socket;
		try {
			socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(this.requestedAddress, 128);
		}
		catch (IOException ex) {
			throw new SharedStateException(
					"Cannot listen for Python clients on " + this.requestedAddress.getHostString() + ":"
							+ this.requestedAddress.getPort() + ": " + ex.getMessage(),
					ex);
		}
		this.serverSocket = socket;
		this.watcher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-python-watch");
			thread.setDaemon(true);
			return thread;
		});
		this.watcher.scheduleWithFixedDelay(this::watch, 100, 100, TimeUnit.MILLISECONDS);
		Thread acceptor = new Thread(this::accept, "shared-state-python-" + address().getPort());
		acceptor.setDaemon(true);
		acceptor.start();
		logger.info("Listening for Python clients (multiprocessing.managers) on {}:{}", address().getHostString(),
				address().getPort());
	}

	/**
	 * Returns where the listener listens.
	 * @return the bound address, or {@code null} before {@link #start()}
	 */
	public InetSocketAddress address() {
		ServerSocket socket = this.serverSocket;
		return (socket != null) ? (InetSocketAddress) socket.getLocalSocketAddress() : null;
	}

	/**
	 * Returns the connected Python clients (one per Python thread that uses the manager),
	 * in the order they connected. Their process id is not known ({@code -1}): Python's
	 * protocol does not send it; the name is {@code python:} and what the client gave,
	 * such as {@code MainProcess}.
	 * @return the clients
	 */
	public List<ClientInfo> clients() {
		return this.clients.stream()
			.sorted(Comparator.comparingLong(PythonConnection::id))
			.map((client) -> new ClientInfo(client.id(), -1, client.remoteAddress().getHostString(),
					"python:" + client.clientName(), client.connectedAt(), client.operations()))
			.toList();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				PythonConnection connection = new PythonConnection(this.connectionIds.getAsLong(), socket, this);
				this.connections.add(connection);
				if (this.closed) {
					connection.stop();
				}
				connection.start();
			}
			catch (IOException ex) {
				if (!this.closed) {
					logger.warn("Accepting a Python connection failed: {}", ex.toString());
				}
			}
		}
	}

	private void watch() {
		long now = System.nanoTime();
		for (PythonConnection client : this.clients) {
			client.watch(now);
		}
	}

	void accepted(PythonConnection connection) {
		this.clients.add(connection);
	}

	void closed(PythonConnection connection) {
		this.connections.remove(connection);
		this.clients.remove(connection);
	}

	PythonObjectSpace space() {
		return this.space;
	}

	Referents referents() {
		return this.referents;
	}

	ServerFunctions functions() {
		return this.functions;
	}

	byte[] authkey() {
		return this.authkey;
	}

	int maxMessageBytes() {
		return this.maxMessageBytes;
	}

	Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Stops accepting Python clients and closes every Python connection; calls waiting
	 * for a lock or an item are given up.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		ServerSocket socket = this.serverSocket;
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				logger.debug("Closing the Python listener failed", ex);
			}
		}
		ScheduledExecutorService current = this.watcher;
		if (current != null) {
			current.shutdownNow();
		}
		for (PythonConnection connection : this.connections) {
			connection.stop();
		}
	}

}
