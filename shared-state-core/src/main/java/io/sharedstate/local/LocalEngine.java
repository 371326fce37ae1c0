package io.sharedstate.local;

import java.io.NotSerializableException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.sharedstate.api.ManagerMode;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.custom.CustomType;
import io.sharedstate.custom.CustomTypes;
import io.sharedstate.engine.Engine;
import io.sharedstate.engine.ReferenceFactory;
import io.sharedstate.host.CallContext;
import io.sharedstate.host.HostedObject;
import io.sharedstate.host.ObjectHost;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.model.TypeCatalog;

/**
 * The engine whose objects live in this JVM, on a host that a manager server may also
 * serve to other processes. Proxies call the host directly, on the calling thread.
 */
public final class LocalEngine implements Engine {

	private final ObjectHost host;

	private final CustomTypes customTypes;

	private final ConcurrentHashMap<String, LockProxy> locks = new ConcurrentHashMap<>();

	private volatile InetSocketAddress servedAt;

	private volatile Supplier<List<ClientInfo>> clients = List::of;

	private volatile OperationObserver observer = OperationObserver.NONE;

	private final ReferenceFactory references;

	/**
	 * Creates an engine.
	 * @param catalog the types it hosts, made with the custom types registry
	 * @param customTypes where custom types are registered
	 * @param gracePeriod how long a client session outlives its last connection
	 * @param references makes what proxies serialize to once the engine is served
	 */
	public LocalEngine(Function<CustomTypes, TypeCatalog> catalog, CustomTypes customTypes, Duration gracePeriod,
			ReferenceFactory references) {
		this.customTypes = customTypes;
		this.references = references;
		this.host = new ObjectHost(catalog.apply(customTypes), gracePeriod, this::proxyOf);
	}

	/**
	 * Returns the host of this engine's objects, for front-ends that serve them.
	 * @return the host
	 */
	public ObjectHost host() {
		return this.host;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends SharedObject> T open(SharedType type, String name, Object initial) {
		return (T) proxyOf(this.host.open(type, name, initial));
	}

	private SharedObject proxyOf(HostedObject hosted) {
		if (hosted.type() == SharedType.LOCK || hosted.type() == SharedType.RLOCK) {
			// One proxy per lock: it knows which threads of this process hold it.
			return this.locks.compute(hosted.name(), (name, known) -> (known != null && known.hosted() == hosted)
					? known : new LockProxy(hosted, newProxy(hosted)))
				.proxy();
		}
		return newProxy(hosted);
	}

	private SharedObject newProxy(HostedObject hosted) {
		return newProxy(hosted, this.host.ownContext(), this::open);
	}

	private SharedObject newProxy(HostedObject hosted, CallContext context, LocalHandle.Opener opener) {
		return hosted.definition()
			.proxy()
			.apply(new LocalHandle(this, this.host, hosted, context, hosted.initial(), opener));
	}

	/**
	 * Returns proxies whose calls run in a context of their own, as those of another
	 * process would: for a front-end whose callers are threads of this JVM, such as the
	 * Python listener's connection threads. What they hold belongs to the context's
	 * session, which the host releases when the session ends.
	 * @param context the context
	 * @return the proxies, one per lock per context
	 */
	public ContextProxies proxiesFor(CallContext context) {
		return new ContextProxies(this, context);
	}

	/**
	 * Proxies whose calls run in one context.
	 */
	public static final class ContextProxies {

		private final LocalEngine engine;

		private final CallContext context;

		private final ConcurrentHashMap<String, LockProxy> locks = new ConcurrentHashMap<>();

		private ContextProxies(LocalEngine engine, CallContext context) {
			this.engine = engine;
			this.context = context;
		}

		/**
		 * Returns a proxy of an existing object.
		 * @param name its name
		 * @return the proxy, or {@code null} if no object has the name
		 */
		public SharedObject find(String name) {
			HostedObject hosted = this.engine.host.find(name);
			if (hosted == null) {
				return null;
			}
			if (hosted.type() == SharedType.LOCK || hosted.type() == SharedType.RLOCK) {
				return this.locks
					.compute(name,
							(key, known) -> (known != null && known.hosted() == hosted) ? known
									: new LockProxy(hosted, this.engine.newProxy(hosted, this.context, this::open)))
					.proxy();
			}
			return this.engine.newProxy(hosted, this.context, this::open);
		}

		/**
		 * Finds or creates an object and returns its proxy.
		 * @param type the type wanted
		 * @param name the name
		 * @param initial the value a new object starts from
		 * @return the proxy
		 */
		public SharedObject open(SharedType type, String name, Object initial) {
			this.engine.host.open(type, name, initial);
			return find(name);
		}

		/**
		 * Returns the context the proxies' calls run in.
		 * @return the context
		 */
		public CallContext context() {
			return this.context;
		}

	}

	/**
	 * Returns what a proxy of this engine serializes to.
	 * @param type the object's type
	 * @param name its name
	 * @param initial the value it was opened with
	 * @return the reference
	 * @throws NotSerializableException if this engine is not served: in-process objects
	 * cannot travel
	 */
	Object referenceTo(SharedType type, String name, Object initial) throws NotSerializableException {
		InetSocketAddress address = this.servedAt;
		if (address == null) {
			throw new NotSerializableException(type + " '" + name + "' belongs to an in-process manager; only objects "
					+ "of a manager server (SharedState.serve) can be sent to other processes");
		}
		return this.references.reference(address, type, name, initial);
	}

	/**
	 * Records that a manager server serves this engine's objects, so they can travel to
	 * other processes, and who its clients are.
	 * @param address the bound address, or {@code null} when it stopped
	 * @param clients the server's clients, for inspection
	 */
	public void servedAt(InetSocketAddress address, Supplier<List<ClientInfo>> clients) {
		this.servedAt = address;
		this.clients = (address != null) ? clients : List::of;
	}

	@Override
	public boolean destroy(String name) {
		LockProxy lock = this.locks.remove(name);
		return this.host.destroy(name) || lock != null;
	}

	@Override
	public void register(CustomType<?> type) {
		this.customTypes.register(type);
	}

	@Override
	public List<CustomType<?>> registeredTypes() {
		return this.customTypes.types();
	}

	@Override
	public Inspector inspector() {
		return new Inspector() {

			@Override
			public List<ObjectInfo> objects() {
				return LocalEngine.this.host.objects()
					.stream()
					.sorted(Comparator.comparing(HostedObject::name))
					.map((hosted) -> LocalEngine.this.host.describe(hosted, 0))
					.toList();
			}

			@Override
			public Optional<ObjectInfo> object(String name, int previewLimit) {
				return Optional.ofNullable(LocalEngine.this.host.find(name))
					.map((hosted) -> LocalEngine.this.host.describe(hosted, previewLimit));
			}

			@Override
			public List<ClientInfo> clients() {
				return LocalEngine.this.clients.get();
			}

			@Override
			public InetSocketAddress address() {
				return LocalEngine.this.servedAt;
			}

		};
	}

	/**
	 * Returns who hears about operations.
	 * @return the observer
	 */
	public OperationObserver observer() {
		return this.observer;
	}

	@Override
	public void observe(OperationObserver observer) {
		this.observer = observer;
	}

	@Override
	public boolean isConnected() {
		return true;
	}

	@Override
	public ManagerMode mode() {
		return (this.servedAt != null) ? ManagerMode.SERVER : ManagerMode.IN_PROCESS;
	}

	@Override
	public InetSocketAddress address() {
		return this.servedAt;
	}

	@Override
	public void close() {
		this.locks.clear();
		this.host.close();
	}

	@Override
	public String toString() {
		return "manager in this JVM";
	}

	private record LockProxy(HostedObject hosted, SharedObject proxy) {

	}

}
