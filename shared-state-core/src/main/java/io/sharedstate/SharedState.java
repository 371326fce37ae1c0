package io.sharedstate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.sharedstate.api.ConnectionState;
import io.sharedstate.api.ManagerMode;
import io.sharedstate.api.SharedStateAuthenticationException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.client.ManagerDirectory;
import io.sharedstate.client.ProxyReference;
import io.sharedstate.client.RemoteEngine;
import io.sharedstate.custom.CustomObject;
import io.sharedstate.custom.CustomType;
import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.custom.CustomTypes;
import io.sharedstate.custom.TypeOptions;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.engine.Engine;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.list.SharedList;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.memory.SharedMemoryBlocks;
import io.sharedstate.pool.PoolOptions;
import io.sharedstate.pool.PoolSupport;
import io.sharedstate.pool.SharedPool;
import io.sharedstate.pool.WorkerEndpoint;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.server.ManagerServer;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.types.StandardTypes;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.value.SharedValue;

/**
 * The manager: the entry point to shared objects, like Python's
 * {@code multiprocessing.Manager}. Objects are named, created on first use and found by
 * name afterwards from any process using the same manager.
 *
 * <ul>
 * <li>{@link #inProcess()} hosts objects in this JVM; nothing listens.</li>
 * <li>{@link #serve(ServerOptions)} hosts objects in this JVM and serves them to
 * clients.</li>
 * <li>{@link #connect(ClientOptions)} uses the objects of a manager server.</li>
 * </ul>
 *
 * <pre>{@code
 * try (SharedState manager = SharedState.connect(ClientOptions.create(address, "secret"))) {
 *     SharedDict<String, Long> hits = manager.dict("hits");
 *     hits.merge("home", 1L, Long::sum); // atomic across processes
 * }
 * }</pre>
 *
 * A manager is thread-safe. Closing a server stops it and drops its objects; closing a
 * client releases its connection.
 */
public final class SharedState implements AutoCloseable {

	private final Engine engine;

	private final ManagerServer server;

	private final SharedMemoryBlocks memory = new SharedMemoryBlocks();

	/** What the workers of a pool need to connect: the server's authkey. */
	private volatile byte[] authkey;

	private PoolLoopback poolLoopback;

	private SharedState(Engine engine, ManagerServer server) {
		this.engine = engine;
		this.server = server;
		InetSocketAddress address = engine.address();
		if (address != null) {
			ManagerDirectory.add(address, engine);
		}
	}

	/**
	 * Turns an engine into a manager: every engine (in-process, a client of a manager
	 * server, a cluster) gives the same API.
	 * @param engine the engine
	 * @return the manager; closing it closes the engine
	 */
	public static SharedState of(Engine engine) {
		return new SharedState(engine, null);
	}

	/**
	 * Creates a manager whose objects live in this JVM only.
	 * @return the manager
	 */
	public static SharedState inProcess() {
		return of(new LocalEngine(StandardTypes::catalog, new CustomTypes(), Duration.ZERO, ProxyReference::create));
	}

	/**
	 * Starts a manager server on a free loopback port.
	 * @param authkey the secret clients must present
	 * @return the manager, already listening; see {@link #address()}
	 */
	public static SharedState serve(String authkey) {
		return serve(ServerOptions.create(authkey));
	}

	/**
	 * Starts a manager server.
	 * @param options where to listen, the authkey and the limits
	 * @return the manager, already listening
	 * @throws SharedStateException if the address cannot be bound
	 */
	public static SharedState serve(ServerOptions options) {
		SharedState manager = server(options);
		manager.startServing();
		return manager;
	}

	/**
	 * Creates a manager server that does not listen yet: its objects can be created and
	 * used in this JVM at once, and clients can connect after {@link #startServing()}.
	 * Frameworks use it to open the port only once the application is ready.
	 * @param options where to listen, the authkey and the limits
	 * @return the manager, not listening
	 */
	public static SharedState server(ServerOptions options) {
		LocalEngine engine = new LocalEngine(StandardTypes::catalog, new CustomTypes(), options.sessionGracePeriod(),
				ProxyReference::create);
		return new SharedState(engine, new ManagerServer(engine, options)).withAuthkey(options.authkey());
	}

	/**
	 * Starts accepting clients, if this manager is a server that does not listen yet.
	 * @throws SharedStateException if the address cannot be bound
	 * @throws IllegalStateException if this manager is not a server, or its serving was
	 * stopped
	 */
	public synchronized void startServing() {
		if (this.server == null) {
			throw new IllegalStateException(this + " is not a manager server");
		}
		if (this.server.isListening()) {
			return;
		}
		this.server.start();
		ManagerDirectory.add(this.server.address(), this.engine);
	}

	/**
	 * Stops serving clients, gracefully: no new connections are accepted, requests being
	 * run may take up to the grace period to finish and be answered, then every client
	 * connection is closed (its parked waits are told the connection was lost). The
	 * objects stay usable in this JVM until {@link #close()}.
	 * @param grace how long running requests may take
	 */
	public void stopServing(Duration grace) {
		if (this.server != null) {
			InetSocketAddress address = this.server.address();
			this.server.stop(grace);
			if (address != null) {
				ManagerDirectory.remove(address, this.engine);
			}
		}
	}

	/**
	 * Returns whether this manager accepts clients now.
	 * @return whether it is a server that listens
	 */
	public boolean isServing() {
		return this.server != null && this.server.isListening();
	}

	/**
	 * Connects to a manager server.
	 * @param address the server's address
	 * @param authkey the secret shared with the server
	 * @return the manager
	 * @throws SharedStateUnavailableException if the server does not answer in time
	 * @throws SharedStateAuthenticationException if the authkeys differ
	 */
	public static SharedState connect(InetSocketAddress address, String authkey) {
		return connect(ClientOptions.create(address, authkey));
	}

	/**
	 * Connects to a manager server.
	 * @param options the address, authkey, timeouts and allowed packages
	 * @return the manager
	 * @throws SharedStateUnavailableException if the server does not answer in time
	 * @throws SharedStateAuthenticationException if the authkeys differ
	 */
	public static SharedState connect(ClientOptions options) {
		return of(new RemoteEngine(options, StandardTypes.catalog(new CustomTypes()), ProxyReference::create, false))
			.withAuthkey(options.authkey());
	}

	/**
	 * Connects to a manager server that may not be up yet: if it does not answer, this
	 * returns anyway and keeps trying in the background, with growing pauses. Until it
	 * answers, calls fail with {@link SharedStateUnavailableException} and
	 * {@link #isConnected()} is false; objects asked for meanwhile are found or created
	 * on the server, and their type checked, at their first use (a barrier's parties are
	 * then not compared with an existing barrier's).
	 * @param options the address, authkey, timeouts and allowed packages
	 * @return the manager
	 */
	public static SharedState connectWhenAvailable(ClientOptions options) {
		return of(new RemoteEngine(options, StandardTypes.catalog(new CustomTypes()), ProxyReference::create, true))
			.withAuthkey(options.authkey());
	}

	private <T extends io.sharedstate.api.SharedObject> T open(SharedType type, String name, Object initial) {
		return this.engine.open(type, name, initial);
	}

	/**
	 * Finds or creates a shared dict.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param name the name
	 * @return the dict
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <K, V> SharedDict<K, V> dict(String name) {
		return open(SharedType.DICT, name, null);
	}

	/**
	 * Finds or creates a shared dict that starts with the given entries when it is
	 * created, like Python's {@code manager.dict({...})}.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param name the name
	 * @param initial the entries of a new dict; ignored when the dict exists
	 * @return the dict
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <K, V> SharedDict<K, V> dict(String name, Map<? extends K, ? extends V> initial) {
		return open(SharedType.DICT, name, io.sharedstate.snapshot.Snapshots.map(initial));
	}

	/**
	 * Finds or creates a shared list.
	 * @param <E> the element type
	 * @param name the name
	 * @return the list
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <E> SharedList<E> list(String name) {
		return open(SharedType.LIST, name, null);
	}

	/**
	 * Finds or creates a shared list that starts with the given elements when it is
	 * created, like Python's {@code manager.list([...])}.
	 * @param <E> the element type
	 * @param name the name
	 * @param initial the elements of a new list; ignored when the list exists
	 * @return the list
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <E> SharedList<E> list(String name, Collection<? extends E> initial) {
		return open(SharedType.LIST, name, io.sharedstate.snapshot.Snapshots.list(initial));
	}

	/**
	 * Finds or creates a shared namespace.
	 * @param name the name
	 * @return the namespace
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedNamespace namespace(String name) {
		return open(SharedType.NAMESPACE, name, null);
	}

	/**
	 * Finds or creates a shared value.
	 * @param <V> the value type
	 * @param name the name
	 * @param initial the value a new object starts with; ignored when the value exists
	 * @return the value
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <V> SharedValue<V> value(String name, V initial) {
		return open(SharedType.VALUE, name, initial);
	}

	/**
	 * Finds or creates a shared counter, starting at zero.
	 * @param name the name
	 * @return the counter
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedCounter counter(String name) {
		return open(SharedType.COUNTER, name, null);
	}

	/**
	 * Finds or creates a shared lock that is not reentrant, like Python's {@code Lock}.
	 * @param name the name
	 * @return the lock
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedLock lock(String name) {
		return open(SharedType.LOCK, name, null);
	}

	/**
	 * Finds or creates a shared reentrant lock, like Python's {@code RLock}.
	 * @param name the name
	 * @return the lock
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedLock rlock(String name) {
		return open(SharedType.RLOCK, name, null);
	}

	/**
	 * Finds or creates a semaphore with the given permits (used only when it is created),
	 * like Python's {@code Semaphore}.
	 * @param name the name
	 * @param permits the permits
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedSemaphore semaphore(String name, int permits) {
		return open(SharedType.SEMAPHORE, name, permits);
	}

	/**
	 * Finds or creates a semaphore that refuses releases above its initial permits, like
	 * Python's {@code BoundedSemaphore}.
	 * @param name the name
	 * @param permits the permits
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedSemaphore boundedSemaphore(String name, int permits) {
		return open(SharedType.BOUNDED_SEMAPHORE, name, permits);
	}

	/**
	 * Finds or creates an event (a flag threads can wait for), like Python's
	 * {@code Event}.
	 * @param name the name
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedEvent event(String name) {
		return open(SharedType.EVENT, name, null);
	}

	/**
	 * Finds or creates a condition bound to a shared lock of this manager, like Python's
	 * {@code Condition(lock)}.
	 * @param name the name
	 * @param lock the lock
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedCondition condition(String name, SharedLock lock) {
		return open(SharedType.CONDITION, name, lock);
	}

	/**
	 * Finds or creates a cyclic barrier for a number of parties, like Python's
	 * {@code Barrier}; the action (may be {@code null}) runs in the process whose thread
	 * arrives last.
	 * @param name the name
	 * @param parties the parties
	 * @param action the action
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedBarrier barrier(String name, int parties, Runnable action) {
		return this.<SharedBarrier>open(SharedType.BARRIER, name, parties).withAction(action);
	}

	/**
	 * Finds or creates a cyclic barrier for a number of parties, like Python's
	 * {@code Barrier}.
	 * @param name the name
	 * @param parties how many must arrive; must match an existing barrier's
	 * @return the barrier
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedBarrier barrier(String name, int parties) {
		return barrier(name, parties, null);
	}

	/**
	 * Finds or creates a FIFO queue, like Python's {@code Queue(maxsize)}.
	 * @param <E> the element type
	 * @param name the name
	 * @param maxsize the most items it holds, 0 for no limit; used only when it is
	 * created
	 * @return the queue
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <E> SharedQueue<E> queue(String name, int maxsize) {
		return open(SharedType.QUEUE, name, maxsize);
	}

	/**
	 * Finds or creates a queue that counts unfinished tasks, like Python's
	 * {@code JoinableQueue}.
	 * @param <E> the element type
	 * @param name the name
	 * @param maxsize the most items it holds, 0 for no limit; used only when it is
	 * created
	 * @return the queue
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <E> SharedJoinableQueue<E> joinableQueue(String name, int maxsize) {
		return open(SharedType.JOINABLE_QUEUE, name, maxsize);
	}

	/**
	 * Registers a custom type on the manager that hosts the objects, like Python's
	 * {@code BaseManager.register(typeid, callable)}: afterwards any process can call
	 * {@link #proxy(String, String, Class) proxy(typeId, name, sharedInterface)}. The
	 * first use of a name creates the object with the factory; every method call, from
	 * this or another process, runs on that one instance, one call at a time (see
	 * {@link #register(String, Class, Supplier, TypeOptions)} for thread-safe types and
	 * fewer exposed methods).
	 * <p>
	 * Every method of the interface is exposed. A method whose declared return type is
	 * itself a registered interface returns a proxy to the object it returned, which
	 * stays on the server, instead of a copy, so {@code parent.child().set(100)} is seen
	 * by every process. Other results and the arguments travel by copy, as values do:
	 * their classes must be allowed (see {@link ServerOptions#withAllowedPackages}). A
	 * plain collection returned is a read-only snapshot.
	 * <p>
	 * Register a type before clients use it, typically right after {@link #serve}.
	 * @param <T> the interface
	 * @param typeId the type id, unique per manager
	 * @param sharedInterface the interface proxies implement; its methods are what
	 * clients may call
	 * @param factory creates the object for a new name, on the first
	 * {@link #proxy(String, String, Class) proxy(...)} of it
	 * @throws IllegalArgumentException if the class is not an interface or declares a
	 * method every proxy answers itself (see {@link CustomObject})
	 * @throws IllegalStateException if the type id is registered with another interface,
	 * or this manager is a client (register on the server)
	 */
	public <T> void register(String typeId, Class<T> sharedInterface, Supplier<? extends T> factory) {
		register(typeId, sharedInterface, factory, TypeOptions.defaults());
	}

	/**
	 * Registers a custom type with options: whether calls on one object may run
	 * concurrently ({@link TypeOptions#withThreadSafe}) and which methods clients may
	 * call ({@link TypeOptions#withExposed}, like Python's {@code exposed}). Registering
	 * a type id again with the same interface replaces its factory and options for the
	 * objects created afterwards.
	 * @param <T> the interface
	 * @param typeId the type id, unique per manager
	 * @param sharedInterface the interface proxies implement
	 * @param factory creates the object for a new name
	 * @param options thread-safety and exposed methods
	 * @throws IllegalArgumentException if the class is not an interface, declares a
	 * method every proxy answers itself, or an exposed name is not one of its methods
	 * @throws IllegalStateException if the type id is registered with another interface,
	 * or this manager is a client (register on the server)
	 * @see #register(String, Class, Supplier)
	 */
	public <T> void register(String typeId, Class<T> sharedInterface, Supplier<? extends T> factory,
			TypeOptions options) {
		if (this.engine.mode() == ManagerMode.CLIENT) {
			throw new IllegalStateException("Custom type '" + typeId + "' cannot be registered on a client: types are "
					+ "registered in the process that hosts the objects (SharedState.serve or inProcess). Register it "
					+ "on the manager server at " + describe(address()) + ", and use proxy(typeId, name, interface) "
					+ "here.");
		}
		this.engine.register(CustomType.of(typeId, sharedInterface, factory, options));
	}

	/**
	 * Finds or creates an object of a registered custom type, like calling a type
	 * registered with Python's {@code BaseManager.register}.
	 * @param <T> the interface
	 * @param typeId the type id it was registered under
	 * @param name the name
	 * @param sharedInterface the interface it was registered with
	 * @return a proxy implementing the interface and {@link CustomObject}
	 * @throws IllegalArgumentException if no type is registered under the id with that
	 * interface
	 * @throws SharedTypeMismatchException if the name belongs to another type or type id
	 */
	public <T> T proxy(String typeId, String name, Class<T> sharedInterface) {
		return sharedInterface.cast(open(SharedType.CUSTOM, name, CustomTypeRef.of(typeId, sharedInterface)));
	}

	/**
	 * Returns the custom types registered on this manager.
	 * @return the types, by type id; empty on a client
	 */
	public List<CustomType<?>> registeredTypes() {
		return this.engine.registeredTypes();
	}

	/**
	 * Creates a pool of worker JVMs, like Python's {@code manager.Pool(processes)}; see
	 * {@link #pool(String, PoolOptions)}.
	 * @param name the pool's name, unique per manager
	 * @param processes how many worker JVMs to start; 0 for a pool served only by
	 * processes that join it
	 * @return the pool, whose workers are starting
	 * @throws IllegalStateException if a pool of that name is already running
	 */
	public SharedPool pool(String name, int processes) {
		return pool(name, PoolOptions.processes(processes));
	}

	/**
	 * Creates a pool whose tasks run in worker JVMs connected to this manager. This
	 * process dispatches the tasks and starts the workers (this JVM's {@code java} and
	 * classpath), which exit with the pool or with this process; others can join with
	 * {@link #joinPool(String)}. Returns at once; tasks wait in this process until a
	 * worker is ready. An in-process manager serves its objects on loopback for its
	 * workers while it has pools.
	 * @param name the pool's name, unique per manager
	 * @param options the workers, their JVM, the initializer, task limits
	 * @return the pool
	 * @throws IllegalStateException if a pool of that name is already running, or this
	 * manager is a server that does not listen yet
	 * @throws IllegalArgumentException if the initializer cannot be serialized
	 */
	public SharedPool pool(String name, PoolOptions options) {
		return PoolSupport.create(this, name, options, workerEndpoint(options));
	}

	/**
	 * Serves a pool of this manager as a worker, on the calling thread, like the worker
	 * processes a pool starts: runs its tasks one at a time until the pool shuts down or
	 * the process that created it goes away, then returns. If the pool stops this worker
	 * while a task runs (a task timeout, {@code shutdownNow}), the task's thread is
	 * interrupted, and this returns once the task has returned. Call it from several
	 * threads to serve several tasks at once; to serve from a process of its own, run
	 * {@link io.sharedstate.pool.PoolWorker}.
	 * @param name the pool's name
	 * @throws InterruptedException if the calling thread is interrupted by another cause
	 * @throws IllegalStateException if no pool of that name is running
	 */
	public void joinPool(String name) throws InterruptedException {
		PoolSupport.join(this, name);
	}

	private synchronized WorkerEndpoint workerEndpoint(PoolOptions options) {
		if (mode() == ManagerMode.IN_PROCESS) {
			if (this.poolLoopback == null) {
				this.poolLoopback = new PoolLoopback((LocalEngine) this.engine);
			}
			return this.poolLoopback.acquire(options.allowedPackages());
		}
		if (mode() == ManagerMode.SERVER && !isServing()) {
			throw new IllegalStateException(
					this + " does not listen yet, and a pool's workers connect to it: call startServing() first");
		}
		return new WorkerEndpoint(address(), this.authkey, () -> {
		});
	}

	private SharedState withAuthkey(byte[] authkey) {
		this.authkey = authkey;
		return this;
	}

	/**
	 * Destroys a shared object everywhere, whatever its type: it is forgotten, proxies of
	 * it fail with {@link io.sharedstate.api.ObjectDestroyedException} from then on, and
	 * calls waiting on it (a lock, a queue take) fail the same way. Opening the name
	 * again creates a new, empty object. Python managers free an object when its last
	 * proxy goes; here objects are named and shared by name, so they live until
	 * destroyed.
	 * @param name the name
	 * @return whether an object had the name
	 */
	public boolean destroy(String name) {
		return this.engine.destroy(name);
	}

	/**
	 * Returns the same-host shared memory blocks of this manager, like Python's
	 * {@code SharedMemoryManager}: blocks created through it are unlinked when this
	 * manager closes. Per process, in every mode; see docs/shared-memory.md.
	 * @return the blocks
	 */
	public SharedMemoryBlocks memory() {
		return this.memory;
	}

	/**
	 * Returns what inspection shows of this manager: its objects, their state, its
	 * clients.
	 * @return the inspector
	 */
	public Inspector inspector() {
		return this.engine.inspector();
	}

	/**
	 * Sets who hears about operations, for metrics.
	 * @param observer the observer
	 */
	public void observe(OperationObserver observer) {
		this.engine.observe(observer);
	}

	/**
	 * Returns whether the manager can reach its objects now: always for one that hosts
	 * them.
	 * @return whether it is connected
	 */
	public boolean isConnected() {
		return this.engine.isConnected();
	}

	/**
	 * Returns whether the manager can reach its objects, and if not why: unreachable
	 * (retrying in the background) or authentication rejected (a configuration error).
	 * @return the state
	 */
	public ConnectionState connectionState() {
		return this.engine.connectionState();
	}

	/**
	 * Returns where the objects live.
	 * @return the mode
	 */
	public ManagerMode mode() {
		return (this.server != null) ? ManagerMode.SERVER : this.engine.mode();
	}

	/**
	 * Returns the address of the manager server this manager serves or uses.
	 * @return the address; {@code null} in-process, and for a server that does not listen
	 * yet
	 */
	public InetSocketAddress address() {
		return (this.server != null) ? this.server.address() : this.engine.address();
	}

	/**
	 * Returns where Python clients connect, for a server configured with
	 * {@link ServerOptions#withPythonAddress}.
	 * @return the bound address, or {@code null} if this manager accepts no Python
	 * clients or does not listen yet
	 */
	public InetSocketAddress pythonAddress() {
		return (this.server != null) ? this.server.pythonAddress() : null;
	}

	/**
	 * Returns the engine this manager runs on.
	 * @return the engine
	 */
	public Engine engine() {
		return this.engine;
	}

	@Override
	public void close() {
		InetSocketAddress address = address();
		if (address != null) {
			ManagerDirectory.remove(address, this.engine);
		}
		if (this.server != null) {
			this.server.close();
		}
		this.engine.close();
		this.memory.close();
	}

	private static String describe(InetSocketAddress address) {
		return (address != null) ? address.getHostString() + ":" + address.getPort() : "its address";
	}

	@Override
	public String toString() {
		InetSocketAddress address = address();
		return "SharedState[" + mode() + ((address != null) ? " " + address : "") + "]";
	}

}
