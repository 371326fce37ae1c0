package io.sharedstate;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

import io.sharedstate.client.RemoteEngine;
import io.sharedstate.custom.CustomObject;
import io.sharedstate.custom.CustomType;
import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.custom.TypeOptions;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.engine.Engine;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.LocalInspector;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.server.ManagerServer;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.value.SharedValue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedStateAuthenticationException;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.api.RemoteCause;
import io.sharedstate.api.RemoteFunctionException;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.pool.PoolOptions;
import io.sharedstate.pool.PoolSupport;
import io.sharedstate.pool.SharedPool;
import io.sharedstate.pool.WorkerEndpoint;

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

	/** How a manager hosts its objects. */
	public enum Mode {

		/** Objects live in this JVM and nothing listens. */
		IN_PROCESS,

		/** Objects live in this JVM and are served to clients. */
		SERVER,

		/** Objects live in a manager server this JVM is connected to. */
		CLIENT

	}

	private final Engine engine;

	private final LocalEngine localEngine;

	private final ManagerServer server;

	private volatile InetSocketAddress address;

	private final Mode mode;

	/** What the workers of a pool need to connect: the server's authkey. */
	private volatile byte[] authkey;

	private PoolLoopback poolLoopback;

	private SharedState(Mode mode, Engine engine, LocalEngine localEngine, ManagerServer server,
			InetSocketAddress address) {
		this.mode = mode;
		this.engine = engine;
		this.localEngine = localEngine;
		this.server = server;
		this.address = address;
		if (address != null) {
			ManagerDirectory.add(address, this);
		}
	}

	/**
	 * Creates a manager whose objects live in this JVM only.
	 * @return the manager
	 */
	public static SharedState inProcess() {
		LocalEngine engine = new LocalEngine();
		return new SharedState(Mode.IN_PROCESS, engine, engine, null, null);
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
		LocalEngine engine = new LocalEngine();
		return new SharedState(Mode.SERVER, engine, engine, new ManagerServer(engine, options), null)
			.withAuthkey(options.authkey());
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
		this.address = this.server.address();
		ManagerDirectory.add(this.address, this);
	}

	/**
	 * Stops serving clients, gracefully: no new connections are accepted, requests being
	 * run may take up to the grace period to finish and be answered, then every client
	 * connection is closed (its parked waits are told the connection was lost). The
	 * objects stay usable in this JVM until {@link #close()}.
	 * @param grace how long running requests may take
	 */
	public void stopServing(java.time.Duration grace) {
		if (this.server != null) {
			this.server.stop(grace);
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
		return new SharedState(Mode.CLIENT, new RemoteEngine(options, false), null, null, options.address())
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
		return new SharedState(Mode.CLIENT, new RemoteEngine(options, true), null, null, options.address())
			.withAuthkey(options.authkey());
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
		return this.engine.dict(name);
	}

	/**
	 * Finds or creates a shared list.
	 * @param <E> the element type
	 * @param name the name
	 * @return the list
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public <E> SharedList<E> list(String name) {
		return this.engine.list(name);
	}

	/**
	 * Finds or creates a shared namespace.
	 * @param name the name
	 * @return the namespace
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedNamespace namespace(String name) {
		return this.engine.namespace(name);
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
		return this.engine.value(name, initial);
	}

	/**
	 * Finds or creates a shared counter, starting at zero.
	 * @param name the name
	 * @return the counter
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedCounter counter(String name) {
		return this.engine.counter(name);
	}

	/**
	 * Finds or creates a shared lock that is not reentrant, like Python's {@code Lock}.
	 * @param name the name
	 * @return the lock
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedLock lock(String name) {
		return this.engine.lock(name);
	}

	/**
	 * Finds or creates a shared reentrant lock, like Python's {@code RLock}.
	 * @param name the name
	 * @return the lock
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedLock rlock(String name) {
		return this.engine.rlock(name);
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
		return this.engine.semaphore(name, permits);
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
		return this.engine.boundedSemaphore(name, permits);
	}

	/**
	 * Finds or creates an event (a flag threads can wait for), like Python's
	 * {@code Event}.
	 * @param name the name
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public SharedEvent event(String name) {
		return this.engine.event(name);
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
		return this.engine.condition(name, lock);
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
		return this.engine.barrier(name, parties, action);
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
		return this.engine.queue(name, maxsize);
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
		return this.engine.joinableQueue(name, maxsize);
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
		if (this.mode == Mode.IN_PROCESS) {
			if (this.poolLoopback == null) {
				this.poolLoopback = new PoolLoopback(this, this.localEngine);
			}
			return this.poolLoopback.acquire(options.allowedPackages());
		}
		if (this.mode == Mode.SERVER && !isServing()) {
			throw new IllegalStateException(
					this + " does not listen yet, and a pool's workers connect to it: call " + "startServing() first");
		}
		return new WorkerEndpoint(this.address, this.authkey, () -> {
		});
	}

	private SharedState withAuthkey(byte[] authkey) {
		this.authkey = authkey;
		return this;
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
		if (this.localEngine == null) {
			throw new IllegalStateException("Custom type '" + typeId + "' cannot be registered on a client: types are "
					+ "registered in the process that hosts the objects (SharedState.serve or inProcess). Register it "
					+ "on the manager server at " + this.address.getHostString() + ":" + this.address.getPort()
					+ ", and use proxy(typeId, name, interface) here.");
		}
		this.localEngine.customTypes().register(CustomType.of(typeId, sharedInterface, factory, options));
	}

	/**
	 * Finds or creates an object of a registered custom type: the first call for a name,
	 * from any process, creates it with the type's factory on the hosting manager; later
	 * calls find it. Method calls on the returned proxy run on that instance on the
	 * server; an exception the method throws is rethrown here, with the server-side
	 * exception (class, message and stack trace) as its {@link RemoteCause} (a JDK
	 * exception type comes back as itself, others as {@link RemoteFunctionException}).
	 * Calling a method the type does not expose throws
	 * {@link UnsupportedOperationException}. {@code equals} and {@code hashCode} compare
	 * which object proxies address; {@code toString} runs on the instance.
	 * @param <T> the interface
	 * @param typeId the type id it was registered under
	 * @param name the name, unique per manager across all types
	 * @param sharedInterface the interface it was registered with
	 * @return a proxy implementing the interface and {@link CustomObject}
	 * @throws IllegalArgumentException if no type is registered under the id, or it is
	 * registered with another interface
	 * @throws SharedTypeMismatchException if the name belongs to another type or type id
	 */
	public <T> T proxy(String typeId, String name, Class<T> sharedInterface) {
		return this.engine.proxy(typeId, name, sharedInterface);
	}

	/**
	 * Returns the custom types registered on this manager, for tools that list them.
	 * @return the types by type id; empty on a client, whose server holds the
	 * registrations
	 */
	public List<CustomType<?>> registeredTypes() {
		return (this.localEngine != null) ? this.localEngine.customTypes().types() : List.of();
	}

	SharedObject object(SharedType type, String name, CustomTypeRef custom) {
		if (this.localEngine != null) {
			return this.localEngine.open(type, name, custom).object();
		}
		return ((RemoteEngine) this.engine).resolve(type, name, custom);
	}

	/**
	 * Returns an inspector of this manager's objects and, for a server or its client, the
	 * connected clients.
	 * @return the inspector
	 */
	public Inspector inspector() {
		if (this.server != null) {
			return this.server.inspector();
		}
		if (this.localEngine != null) {
			return new LocalInspector(this.localEngine, List::of);
		}
		return ((RemoteEngine) this.engine).inspector();
	}

	/**
	 * Sets who hears about operations, for metrics: a client reports every call it makes,
	 * a server every request it serves, every manager its lock waits and holds.
	 * Operations of an in-process manager's objects are plain method calls and are not
	 * reported.
	 * @param observer the observer
	 */
	public void observe(OperationObserver observer) {
		if (this.localEngine != null) {
			this.localEngine.observe(observer);
		}
		else {
			((RemoteEngine) this.engine).observe(observer);
		}
	}

	/**
	 * Returns whether this manager can reach its objects now: always in-process and for a
	 * server, and for a client while its connection is up.
	 * @return whether connected
	 */
	public boolean isConnected() {
		return this.mode != Mode.CLIENT || ((RemoteEngine) this.engine).isConnected();
	}

	/**
	 * Returns how this manager hosts its objects.
	 * @return the mode
	 */
	public Mode mode() {
		return this.mode;
	}

	/**
	 * Returns the server's address: where this manager listens, or the server a client
	 * uses.
	 * @return the address, or {@code null} in-process
	 */
	public InetSocketAddress address() {
		return this.address;
	}

	/**
	 * Stops the server or closes the client connection. Proxies of a closed client fail.
	 */
	@Override
	public void close() {
		if (this.address != null) {
			ManagerDirectory.remove(this.address, this);
		}
		if (this.server != null) {
			this.server.close();
		}
		this.engine.close();
	}

	@Override
	public String toString() {
		return "SharedState[" + this.mode + ((this.address != null) ? " " + this.address : "") + "]";
	}

}
