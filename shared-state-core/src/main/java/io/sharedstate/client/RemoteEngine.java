package io.sharedstate.client;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.ClientOptions;
import io.sharedstate.SharedObject;
import io.sharedstate.SharedType;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.engine.Engine;
import io.sharedstate.engine.SharedTypes;
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

	private final ClientOptions options;

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

	private volatile boolean closed;

	/**
	 * Connects to a manager server.
	 * @param options how to reach it
	 * @throws io.sharedstate.SharedStateUnavailableException if it does not answer in
	 * time
	 * @throws io.sharedstate.SharedStateAuthenticationException if the authkeys differ
	 */
	public RemoteEngine(ClientOptions options) {
		this.options = options;
		this.codec = new ValueCodec(ClassAllowList.of(options.allowedPackages()), this::proxy);
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-heartbeat-" + options.address().getPort());
			thread.setDaemon(true);
			return thread;
		});
		ClientConnection first = connection();
		// Heartbeats well within the server's idle timeout, so a live client is never
		// dropped.
		long interval = Math.max(1,
				Math.min(options.heartbeatInterval().toMillis(), first.terms().idleTimeoutMillis() / 3));
		this.heartbeat.scheduleWithFixedDelay(this::keepAlive, interval, interval, TimeUnit.MILLISECONDS);
	}

	ClientOptions options() {
		return this.options;
	}

	/**
	 * Returns the session this client process holds things under on the server.
	 * @return the session id
	 */
	public long session() {
		return this.session;
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
				current = ClientConnection.open(this.options, this.codec);
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
	private <T extends SharedObject> T proxy(SharedType type, String name) {
		if (isLock(type)) {
			SharedLock cached = this.locks.get(name);
			if (cached != null && cached.type() == type) {
				return (T) cached;
			}
			return (T) cacheLock(name,
					SharedTypes.<SharedLock>support(type).createRemote(new RemoteHandle(this, type, name, null)));
		}
		return SharedTypes.<T>support(type).createRemote(new RemoteHandle(this, type, name, null));
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
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A shared object needs a non-empty name");
		}
		RemoteHandle handle = new RemoteHandle(this, type, name, initial);
		handle.objectId(connection());
		return SharedTypes.<T>support(type).createRemote(handle);
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
		return BarrierSupport.withPartiesAndAction(this.<SharedBarrier>openProxy(SharedType.BARRIER, name, parties),
				parties, action);
	}

	@Override
	public <E> SharedQueue<E> queue(String name, int maxsize) {
		return openProxy(SharedType.QUEUE, name, maxsize);
	}

	@Override
	public <E> SharedJoinableQueue<E> joinableQueue(String name, int maxsize) {
		return openProxy(SharedType.JOINABLE_QUEUE, name, maxsize);
	}

	/**
	 * Returns a live proxy for a reference, as decoding does.
	 * @param type the type
	 * @param name the name
	 * @return the proxy
	 */
	public SharedObject resolve(SharedType type, String name) {
		return isLock(type) ? lockProxy(type, name) : openProxy(type, name, null);
	}

	private void keepAlive() {
		ClientConnection current = this.connection;
		if (current == null || current.isBroken()) {
			return;
		}
		current.expireOverdueCalls();
		long idle = System.nanoTime() - current.lastWriteNanos();
		if (idle >= TimeUnit.MILLISECONDS.toNanos(current.terms().idleTimeoutMillis()) / 6) {
			current.callAsync(0, Ops.PING, new Object[0], this, "ping", this.options.callTimeout());
		}
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
