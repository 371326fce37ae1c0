package io.sharedstate.client;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedType;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.custom.CustomSupport;
import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.engine.Engine;
import io.sharedstate.engine.SharedTypes;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.protocol.Ops;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.value.SharedValue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.barrier.BarrierSupport;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.queue.SharedJoinableQueue;

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
	private final ConcurrentHashMap<String, SharedLock> locks = new ConcurrentHashMap<>();

	private volatile ClientConnection connection;

	private volatile OperationObserver observer = OperationObserver.NONE;

	private volatile boolean closed;

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
	public RemoteEngine(ClientOptions options, boolean waitForServer) {
		this.options = options;
		this.waitForServer = waitForServer;
		this.codec = new ValueCodec(ClassAllowList.of(options.allowedPackages()), this::referenceProxy);
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
			logger.warn("{}; retrying in the background", ex.getMessage());
			scheduleReconnect(RECONNECT_FIRST_PAUSE_MILLIS);
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

	private void scheduleReconnect(long pauseMillis) {
		this.heartbeat.schedule(() -> {
			if (this.closed || isConnected()) {
				return;
			}
			try {
				connection();
				logger.info("Connected to the manager at {}", ClientConnection.describe(this.options.address()));
			}
			catch (SharedStateException ex) {
				logger.debug("Still no manager: {}", ex.getMessage());
				scheduleReconnect(Math.min(pauseMillis * 2, RECONNECT_MAX_PAUSE_MILLIS));
			}
		}, pauseMillis, TimeUnit.MILLISECONDS);
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
				throw new IllegalStateException("This client of the manager at "
						+ ClientConnection.describe(this.options.address()) + " is closed");
			}
			current = this.connection;
			if (current == null || current.isBroken()) {
				current = ClientConnection.open(this.options, this.codec, this.heartbeat);
				ProcessHandle self = ProcessHandle.current();
				current.call(0, Ops.HELLO,
						new Object[] { this.session, self.pid(), hostName(), this.options.clientName() }, this, "hello",
						this.options.callTimeout());
				if (this.connection != null) {
					logger.info("Reconnected to the manager at {}", ClientConnection.describe(this.options.address()));
				}
				this.connection = current;
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

	@SuppressWarnings("unchecked")
	private <T extends SharedObject> T referenceProxy(SharedType type, String name, CustomTypeRef custom) {
		if (isLock(type)) {
			SharedLock cached = this.locks.get(name);
			if (cached != null && cached.type() == type) {
				return (T) cached;
			}
			return (T) cacheLock(name,
					SharedTypes.<SharedLock>support(type).createRemote(new RemoteHandle(this, type, name, null)));
		}
		return SharedTypes.<T>support(type).createRemote(new RemoteHandle(this, type, name, custom));
	}

	private static boolean isLock(SharedType type) {
		return type == SharedType.LOCK || type == SharedType.RLOCK;
	}

	/**
	 * Returns the one proxy of a lock, opening it on the server (which refuses a name of
	 * another type) the first time.
	 */
	private SharedLock lockProxy(SharedType type, String name) {
		SharedLock cached = this.locks.get(name);
		if (cached != null && cached.type() == type) {
			return cached;
		}
		return cacheLock(name, openProxy(type, name, null));
	}

	private SharedLock cacheLock(String name, SharedLock opened) {
		SharedLock previous = this.locks.putIfAbsent(name, opened);
		return (previous != null && previous.type() == opened.type()) ? previous : opened;
	}

	<T extends SharedObject> T openProxy(SharedType type, String name, Object initial) {
		return SharedTypes.<T>support(type).createRemote(openHandle(type, name, initial));
	}

	private RemoteHandle openHandle(SharedType type, String name, Object initial) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A shared object needs a non-empty name");
		}
		RemoteHandle handle = new RemoteHandle(this, type, name, initial);
		if (!opensOnFirstUse()) {
			handle.objectId(connection());
		}
		return handle;
	}

	/**
	 * Returns whether objects are found or created (and their type checked) at their
	 * first use rather than when asked for: while a client that waits for its server has
	 * no connection, so that the application can take its proxies before the server
	 * answers.
	 * @return whether opening waits for the first use
	 */
	private boolean opensOnFirstUse() {
		return this.waitForServer && !isConnected();
	}

	@Override
	public <K, V> SharedDict<K, V> dict(String name) {
		return openProxy(SharedType.DICT, name, null);
	}

	@Override
	public <E> SharedList<E> list(String name) {
		return openProxy(SharedType.LIST, name, null);
	}

	@Override
	public SharedNamespace namespace(String name) {
		return openProxy(SharedType.NAMESPACE, name, null);
	}

	@Override
	public <V> SharedValue<V> value(String name, V initial) {
		return openProxy(SharedType.VALUE, name, initial);
	}

	@Override
	public SharedCounter counter(String name) {
		return openProxy(SharedType.COUNTER, name, null);
	}

	@Override
	public SharedLock lock(String name) {
		return lockProxy(SharedType.LOCK, name);
	}

	@Override
	public SharedLock rlock(String name) {
		return lockProxy(SharedType.RLOCK, name);
	}

	@Override
	public SharedSemaphore semaphore(String name, int permits) {
		return openProxy(SharedType.SEMAPHORE, name, permits);
	}

	@Override
	public SharedSemaphore boundedSemaphore(String name, int permits) {
		return openProxy(SharedType.BOUNDED_SEMAPHORE, name, permits);
	}

	@Override
	public SharedEvent event(String name) {
		return openProxy(SharedType.EVENT, name, null);
	}

	@Override
	public SharedCondition condition(String name, SharedLock lock) {
		return openProxy(SharedType.CONDITION, name, lock);
	}

	@Override
	public SharedBarrier barrier(String name, int parties, Runnable action) {
		SharedBarrier barrier = this.openProxy(SharedType.BARRIER, name, parties);
		// The parties of an existing barrier cannot be compared before the server
		// answers.
		return opensOnFirstUse() ? BarrierSupport.withAction(barrier, action)
				: BarrierSupport.withPartiesAndAction(barrier, parties, action);
	}

	@Override
	public <E> SharedQueue<E> queue(String name, int maxsize) {
		return openProxy(SharedType.QUEUE, name, maxsize);
	}

	@Override
	public <E> SharedJoinableQueue<E> joinableQueue(String name, int maxsize) {
		return openProxy(SharedType.JOINABLE_QUEUE, name, maxsize);
	}

	@Override
	public <T> T proxy(String typeId, String name, Class<T> sharedInterface) {
		CustomTypeRef ref = CustomTypeRef.of(typeId, sharedInterface);
		return CustomSupport.createRemote(openHandle(SharedType.CUSTOM, name, ref), sharedInterface);
	}

	/**
	 * Returns a live proxy for a reference, as decoding does.
	 * @param type the type
	 * @param name the name
	 * @param custom the type id and interface of a custom object, {@code null} for other
	 * types
	 * @return the proxy
	 */
	public SharedObject resolve(SharedType type, String name, CustomTypeRef custom) {
		return isLock(type) ? lockProxy(type, name) : openProxy(type, name, custom);
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
	public OperationObserver observer() {
		return this.observer;
	}

	/**
	 * Sets who hears about the calls this client makes.
	 * @param observer the observer
	 */
	public void observe(OperationObserver observer) {
		this.observer = observer;
	}

	/**
	 * Returns an inspector that asks the server.
	 * @return the inspector
	 */
	public io.sharedstate.inspect.Inspector inspector() {
		return new RemoteInspector(this);
	}

	/**
	 * Returns whether the connection to the server is up.
	 * @return whether connected
	 */
	public boolean isConnected() {
		ClientConnection current = this.connection;
		return current != null && !current.isBroken();
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
