package io.sharedstate.client;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.ConnectionState;
import io.sharedstate.api.ManagerClosedException;
import io.sharedstate.api.ManagerMode;
import io.sharedstate.api.SharedStateAuthenticationException;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedType;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.custom.CustomObject;
import io.sharedstate.custom.CustomType;
import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.engine.Engine;
import io.sharedstate.engine.ReferenceFactory;
import io.sharedstate.model.TypeCatalog;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.protocol.Ops;

/**
 * The engine of a client: shared objects are proxies whose calls travel to a manager
 * server. One connection is shared by all threads; when it breaks, the failing calls
 * throw and the next call connects again. A daemon thread sends heartbeats on idle
 * connections.
 */
public final class RemoteEngine implements Engine {

	private static final Logger logger = LoggerFactory.getLogger(RemoteEngine.class);

	private static final long RECONNECT_FIRST_PAUSE_MILLIS = 250;

	/** How often calls are looked after: interrupted waits are cancelled within this. */
	private static final long WATCH_PERIOD_MILLIS = 50;

	private static final long RECONNECT_MAX_PAUSE_MILLIS = 10_000;

	private final ClientOptions options;

	private final boolean waitForServer;

	private final ValueCodec codec;

	private final ReentrantLock connectLock = new ReentrantLock();

	private final ScheduledExecutorService heartbeat;

	private final long session = new SecureRandom().nextLong();

	/**
	 * One proxy per lock name: a lock proxy records which threads of this process hold
	 * the lock, so every proxy of a name must be the same one.
	 */
	private final ConcurrentHashMap<String, SharedObject> locks = new ConcurrentHashMap<>();

	private final TypeCatalog catalog;

	private final ReferenceFactory references;

	/** The generation of this client's session: it grows when the server ended it. */
	private final AtomicLong sessionEpoch = new AtomicLong();

	private volatile ClientConnection connection;

	private volatile OperationObserver observer = OperationObserver.NONE;

	private volatile boolean closed;

	private static final ConnectionState NOT_CONNECTED_YET = new ConnectionState(ConnectionState.Status.UNREACHABLE,
			"not connected yet");

	private volatile ConnectionState state = NOT_CONNECTED_YET;

	/**
	 * Connects to a manager server.
	 * @param options how to reach it
	 * @param waitForServer whether a server that does not answer yet is retried in the
	 * background (with growing pauses) instead of failing; calls fail until it answers
	 * @throws io.sharedstate.api.SharedStateUnavailableException if it does not answer in
	 * time and {@code waitForServer} is false
	 * @throws io.sharedstate.api.SharedStateAuthenticationException if the authkeys
	 * differ
	 */
	public RemoteEngine(ClientOptions options, TypeCatalog catalog, ReferenceFactory references,
			boolean waitForServer) {
		this.options = options;
		this.catalog = catalog;
		this.references = references;
		this.waitForServer = waitForServer;
		// A reference read from a reply opens its object on first use: opening it now
		// would
		// make a call while the reply is being read.
		this.codec = new ValueCodec(ClassAllowList.of(options.allowedPackages()),
				(type, name, custom) -> open(type, name, custom, false));
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-heartbeat-" + options.address().getPort());
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(1, options.heartbeatInterval().toMillis());
		try {
			ClientConnection first = connection();
			// Heartbeats well within the server's idle timeout, so a live client is never
			// dropped.
			interval = Math.max(1, Math.min(interval, first.terms().idleTimeoutMillis() / 3));
		}
		catch (SharedStateException ex) {
			if (!waitForServer) {
				this.heartbeat.shutdownNow();
				throw ex;
			}
			reconnectLater(ex, RECONNECT_FIRST_PAUSE_MILLIS);
		}
		this.heartbeat.scheduleWithFixedDelay(this::keepAlive, interval, interval, TimeUnit.MILLISECONDS);
		this.heartbeat.scheduleWithFixedDelay(this::watchCalls, WATCH_PERIOD_MILLIS, WATCH_PERIOD_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	private void watchCalls() {
		ClientConnection current = this.connection;
		if (current != null && !current.isBroken()) {
			current.watch();
		}
	}

	/**
	 * Retries connecting in the background with growing pauses after a failure; a
	 * rejected authkey is a configuration error, said once at ERROR and not retried.
	 */
	private void reconnectLater(SharedStateException failure, long pauseMillis) {
		if (this.closed) {
			return;
		}
		if (failure instanceof SharedStateAuthenticationException) {
			if (this.state.status() != ConnectionState.Status.AUTHENTICATION_REJECTED) {
				logger.error("{} This is a configuration error: set the same authkey on client and server. Not "
						+ "retrying; the next call tries again.", failure.getMessage());
			}
			this.state = new ConnectionState(ConnectionState.Status.AUTHENTICATION_REJECTED, failure.getMessage());
			return;
		}
		if (this.state.status() != ConnectionState.Status.UNREACHABLE) {
			logger.warn("{}; retrying in the background", failure.getMessage());
		}
		this.state = new ConnectionState(ConnectionState.Status.UNREACHABLE, failure.getMessage());
		try {
			this.heartbeat.schedule(() -> {
				if (this.closed || isConnected()) {
					return;
				}
				try {
					connection();
				}
				catch (SharedStateException ex) {
					logger.debug("Still no manager: {}", ex.getMessage());
					reconnectLater(ex, Math.min(pauseMillis * 2, RECONNECT_MAX_PAUSE_MILLIS));
				}
			}, pauseMillis, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// closed meanwhile
		}
	}

	/** A connection broke without being closed: say so, and get it back. */
	private void connectionLost(ClientConnection lost) {
		if (this.closed || this.connection != lost) {
			return;
		}
		reconnectLater(lost.failure(), RECONNECT_FIRST_PAUSE_MILLIS);
	}

	ClientOptions options() {
		return this.options;
	}

	/**
	 * Returns the current connection, connecting if there is none or it broke.
	 * @return the connection
	 */
	ClientConnection connection() {
		ClientConnection current = this.connection;
		if (current != null && !current.isBroken()) {
			return current;
		}
		this.connectLock.lock();
		try {
			if (this.closed) {
				throw new ManagerClosedException("This client of the manager at "
						+ ClientConnection.describe(this.options.address()) + " is closed");
			}
			current = this.connection;
			if (current == null || current.isBroken()) {
				current = ClientConnection.open(this.options, this.codec, this.heartbeat, this::connectionLost);
				ProcessHandle self = ProcessHandle.current();
				boolean resumed = Boolean.TRUE.equals(current.call(0, Ops.HELLO,
						new Object[] { this.session, self.pid(), hostName(), this.options.clientName() }, this, "hello",
						this.options.callTimeout()));
				if (this.connection != null) {
					if (!resumed) {
						// The server ended this session (or restarted): every hold taken
						// before is void.
						this.sessionEpoch.incrementAndGet();
						logger.warn(
								"Reconnected to the manager at {}, which had ended this client's session: locks "
										+ "and permits it held were released",
								ClientConnection.describe(this.options.address()));
					}
					else {
						logger.info("Reconnected to the manager at {}",
								ClientConnection.describe(this.options.address()));
					}
				}
				else if (this.state != NOT_CONNECTED_YET) {
					logger.info("Connected to the manager at {}", ClientConnection.describe(this.options.address()));
				}
				this.connection = current;
				this.state = ConnectionState.CONNECTED;
			}
			return current;
		}
		finally {
			this.connectLock.unlock();
		}
	}

	int open(ClientConnection connection, Object target, SharedType type, String name, Object initial) {
		return (Integer) connection.call(0, Ops.OPEN, new Object[] { type.code(), name, initial }, target, "open",
				this.options.callTimeout());
	}

	@Override
	public <T extends SharedObject> T open(SharedType type, String name, Object initial) {
		return open(type, name, initial, !opensOnFirstUse());
	}

	@SuppressWarnings("unchecked")
	private <T extends SharedObject> T open(SharedType type, String name, Object initial, boolean openNow) {
		if (type == SharedType.LOCK || type == SharedType.RLOCK) {
			// One proxy per lock: it knows which threads of this process hold it.
			SharedObject cached = this.locks.get(name);
			if (cached != null && cached.type() == type) {
				return (T) cached;
			}
			SharedObject opened = newProxy(type, name, initial, openNow);
			SharedObject previous = this.locks.putIfAbsent(name, opened);
			return (T) ((previous != null && previous.type() == type) ? previous : opened);
		}
		return (T) newProxy(type, name, initial, openNow);
	}

	private SharedObject newProxy(SharedType type, String name, Object initial, boolean openNow) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A shared object needs a non-empty name");
		}
		RemoteHandle handle = new RemoteHandle(this, type, name, initial);
		if (openNow) {
			handle.objectId(connection());
		}
		return this.catalog.definition(type).proxy().apply(handle);
	}

	private boolean opensOnFirstUse() {
		return this.waitForServer && !isConnected();
	}

	@SuppressWarnings("unchecked")
	<T extends SharedObject> T openFenced(RemoteHandle lock, T object, long thread, long fence) {
		Object initial = (object instanceof CustomObject custom)
				? CustomTypeRef.of(custom.typeId(), custom.sharedInterface()) : null;
		RemoteHandle handle = lock.fencedHandle(object.type(), object.name(), initial, thread, fence);
		return (T) this.catalog.definition(object.type()).proxy().apply(handle);
	}

	Object referenceTo(SharedType type, String name, Object initial) {
		return this.references.reference(this.options.address(), type, name, initial);
	}

	long sessionEpoch() {
		return this.sessionEpoch.get();
	}

	@Override
	public boolean destroy(String name) {
		this.locks.remove(name);
		return (Boolean) connection().call(0, Ops.DESTROY, new Object[] { name }, this, "destroy",
				this.options.callTimeout());
	}

	@Override
	public void register(CustomType<?> type) {
		throw new IllegalStateException("Custom type '" + type.typeId() + "' cannot be registered on a client: types "
				+ "are registered in the process that hosts the objects");
	}

	@Override
	public List<CustomType<?>> registeredTypes() {
		return List.of();
	}

	@Override
	public ManagerMode mode() {
		return ManagerMode.CLIENT;
	}

	@Override
	public InetSocketAddress address() {
		return this.options.address();
	}

	private void keepAlive() {
		ClientConnection current = this.connection;
		if (current == null || current.isBroken()) {
			return;
		}
		long idle = System.nanoTime() - current.lastWriteNanos();
		if (idle >= TimeUnit.MILLISECONDS.toNanos(current.terms().idleTimeoutMillis()) / 6) {
			current.callAsync(0, Ops.PING, new Object[0], this, "ping", this.options.callTimeout());
		}
	}

	/**
	 * Returns who hears about operations.
	 * @return the observer
	 */
	OperationObserver observer() {
		return this.observer;
	}

	/**
	 * Sets who hears about the calls this client makes.
	 * @param observer the observer
	 */
	@Override
	public void observe(OperationObserver observer) {
		this.observer = observer;
	}

	/**
	 * Returns an inspector that asks the server.
	 * @return the inspector
	 */
	@Override
	public io.sharedstate.inspect.Inspector inspector() {
		return new RemoteInspector(this);
	}

	/**
	 * Returns whether the connection to the server is up.
	 * @return whether connected
	 */
	@Override
	public boolean isConnected() {
		ClientConnection current = this.connection;
		return current != null && !current.isBroken();
	}

	@Override
	public ConnectionState connectionState() {
		return this.closed ? new ConnectionState(ConnectionState.Status.CLOSED, null)
				: isConnected() ? ConnectionState.CONNECTED : this.state;
	}

	@Override
	public void close() {
		this.connectLock.lock();
		try {
			this.closed = true;
			ClientConnection current = this.connection;
			if (current != null) {
				current.close();
			}
		}
		finally {
			this.connectLock.unlock();
		}
		this.heartbeat.shutdownNow();
	}

	@Override
	public String toString() {
		return "manager at " + ClientConnection.describe(this.options.address());
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
