package io.sharedstate.engine;

import java.io.NotSerializableException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.sharedstate.ProxyReference;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.value.SharedValue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.barrier.BarrierSupport;
import io.sharedstate.custom.CustomHost;
import io.sharedstate.custom.CustomObject;
import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.custom.CustomTypes;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.queue.SharedJoinableQueue;

/**
 * Hosts shared objects in this JVM: the authoritative object of each name. Used directly
 * in in-process mode, and by the manager server on behalf of its clients. Each object
 * gets an id that the protocol uses instead of its name.
 */
public final class LocalEngine implements Engine {

	private final ConcurrentHashMap<String, HostedObject> byName = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Integer, HostedObject> byId = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final long session = new SecureRandom().nextLong();

	private final ConcurrentHashMap<Long, String> sessionProcesses = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService timer;

	private volatile InetSocketAddress serverAddress;

	private volatile OperationObserver observer = OperationObserver.NONE;

	private final CustomTypes customTypes = new CustomTypes();

	private final CustomHost customHost = new CustomHost(this);

	/**
	 * Finds or creates the object of a name.
	 * @param type the type wanted
	 * @param name the name
	 * @param initial the initial value for types that take one
	 * @return the hosted object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public HostedObject open(SharedType type, String name, Object initial) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A shared object needs a non-empty name");
		}
		if (type == SharedType.CUSTOM) {
			if (!(initial instanceof CustomTypeRef ref)) {
				throw new IllegalArgumentException("Custom object '" + name + "' must be opened with its type id");
			}
			return this.customHost.open(name, ref);
		}
		HostedObject hosted = this.byName.get(name);
		if (hosted == null) {
			hosted = this.byName.computeIfAbsent(name, (key) -> {
				HostedObject created = new HostedObject(this.ids.incrementAndGet(), type,
						SharedTypes.support(type).createLocal(this, name, initial));
				this.byId.put(created.id(), created);
				return created;
			});
		}
		if (hosted.type() != type) {
			throw SharedTypeMismatchException.of(name, describe(hosted), type.toString());
		}
		return hosted;
	}

	/**
	 * Returns the object of a name, without creating it.
	 * @param name the name
	 * @return the object, or {@code null} if the name is free
	 */
	public HostedObject find(String name) {
		return this.byName.get(name);
	}

	/**
	 * Removes the object of a name, as Python's manager does when the last reference to
	 * an object a Python client created is gone. Proxies that still address it fail.
	 * @param name the name
	 * @return whether an object had the name
	 */
	public boolean destroy(String name) {
		HostedObject hosted = this.byName.remove(name);
		if (hosted != null) {
			this.byId.remove(hosted.id());
		}
		return hosted != null;
	}

	/**
	 * Hosts an object under a name, unless the name is taken.
	 * @param name the name
	 * @param type its type
	 * @param object the object
	 * @return the object hosted under the name: the new one, or the one that had it
	 */
	public HostedObject add(String name, SharedType type, SharedObject object) {
		HostedObject created = new HostedObject(this.ids.incrementAndGet(), type, object);
		// Known by id before it can be found by name, as open() does.
		this.byId.put(created.id(), created);
		HostedObject existing = this.byName.putIfAbsent(name, created);
		if (existing != null) {
			this.byId.remove(created.id());
			return existing;
		}
		return created;
	}

	/**
	 * Describes a hosted object's type for messages: its type, or its type id for a
	 * custom object.
	 * @param hosted the object
	 * @return the description
	 */
	public static String describe(HostedObject hosted) {
		if (hosted.object() instanceof CustomObject custom) {
			return CustomHost.describe(custom.typeId());
		}
		return hosted.type().toString();
	}

	/**
	 * Returns the custom types registered on this engine.
	 * @return the registry
	 */
	public CustomTypes customTypes() {
		return this.customTypes;
	}

	/**
	 * Returns what hosts this engine's custom objects.
	 * @return the host
	 */
	public CustomHost customHost() {
		return this.customHost;
	}

	/**
	 * Returns the object with an id.
	 * @param id the id from {@link #open}
	 * @return the object, or {@code null} if no object has that id
	 */
	public HostedObject byId(int id) {
		return this.byId.get(id);
	}

	/**
	 * Returns every hosted object.
	 * @return a live view
	 */
	public Collection<HostedObject> objects() {
		return this.byName.values();
	}

	/**
	 * Returns the session of this engine's own process: threads of the process that hosts
	 * the objects own locks under it. It never ends while the engine is open.
	 * @return the session id
	 */
	public long session() {
		return this.session;
	}

	/**
	 * Returns who hears about operations.
	 * @return the observer
	 */
	public OperationObserver observer() {
		return this.observer;
	}

	/**
	 * Sets who hears about operations.
	 * @param observer the observer
	 */
	public void observe(OperationObserver observer) {
		this.observer = observer;
	}

	/**
	 * Records which process a session belongs to, for inspection.
	 * @param session the session id
	 * @param process a description such as {@code worker-1 (pid 42 on host-a)}
	 */
	public void sessionStarted(long session, String process) {
		this.sessionProcesses.put(session, process);
	}

	/**
	 * Describes the process of a session.
	 * @param session the session id
	 * @return the description
	 */
	public String processOf(long session) {
		if (session == this.session) {
			return "this process (pid " + ProcessHandle.current().pid() + ")";
		}
		return this.sessionProcesses.getOrDefault(session, "session " + Long.toHexString(session));
	}

	/**
	 * Describes a hosted object.
	 * @param hosted the object
	 * @param previewLimit how many entries or elements to show as text
	 * @return the description
	 */
	public ObjectInfo describe(HostedObject hosted, int previewLimit) {
		SharedTypeSupport<SharedObject> support = SharedTypes.support(hosted.type());
		return new ObjectInfo(hosted.object().name(), hosted.type().toString(), support.describe(hosted.object(), this),
				(previewLimit > 0) ? support.preview(hosted.object(), previewLimit) : List.of());
	}

	/**
	 * Returns the object of a name, if any.
	 * @param name the name
	 * @return the hosted object, or {@code null}
	 */
	public HostedObject byName(String name) {
		return this.byName.get(name);
	}

	/**
	 * Returns the timer that ends timed waits, shared by all objects of this engine.
	 * @return the timer, a single daemon thread
	 */
	public ScheduledExecutorService timer() {
		ScheduledExecutorService current = this.timer;
		if (current == null) {
			synchronized (this) {
				current = this.timer;
				if (current == null) {
					ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
						Thread thread = new Thread(task, "shared-state-timer");
						thread.setDaemon(true);
						return thread;
					});
					executor.setRemoveOnCancelPolicy(true);
					this.timer = executor;
					current = executor;
				}
			}
		}
		return current;
	}

	/**
	 * Releases everything a session held: its process is gone.
	 * @param session the session that ended
	 */
	public void endSession(long session) {
		this.sessionProcesses.remove(session);
		for (HostedObject hosted : this.byName.values()) {
			if (hosted.object() instanceof SessionBound bound) {
				bound.sessionEnded(session);
			}
		}
	}

	/**
	 * Returns the address of the manager server that publishes this engine, if any.
	 * @return the address, or {@code null} in in-process mode
	 */
	public InetSocketAddress serverAddress() {
		return this.serverAddress;
	}

	/**
	 * Returns what a hosted object serializes to, so that it reconnects in another
	 * process.
	 * @param type the object's type
	 * @param name its name
	 * @return the reference
	 * @throws NotSerializableException if this engine is not served: in-process objects
	 * cannot travel
	 */
	public ProxyReference referenceTo(SharedType type, String name) throws NotSerializableException {
		InetSocketAddress address = this.serverAddress;
		if (address == null) {
			throw new NotSerializableException(type + " '" + name + "' belongs to an in-process manager; only objects "
					+ "of a manager server (SharedState.serve) can be sent to other processes");
		}
		return ProxyReference.of(address, type, name);
	}

	/**
	 * Records the address this engine is served on, so its objects can travel to other
	 * processes.
	 * @param address the bound address
	 */
	public void servedAt(InetSocketAddress address) {
		this.serverAddress = address;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> SharedDict<K, V> dict(String name) {
		return (SharedDict<K, V>) open(SharedType.DICT, name, null).object();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <E> SharedList<E> list(String name) {
		return (SharedList<E>) open(SharedType.LIST, name, null).object();
	}

	@Override
	public SharedNamespace namespace(String name) {
		return (SharedNamespace) open(SharedType.NAMESPACE, name, null).object();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> SharedValue<V> value(String name, V initial) {
		return (SharedValue<V>) open(SharedType.VALUE, name, initial).object();
	}

	@Override
	public SharedCounter counter(String name) {
		return (SharedCounter) open(SharedType.COUNTER, name, null).object();
	}

	@Override
	public SharedLock lock(String name) {
		return (SharedLock) open(SharedType.LOCK, name, null).object();
	}

	@Override
	public SharedLock rlock(String name) {
		return (SharedLock) open(SharedType.RLOCK, name, null).object();
	}

	@Override
	public SharedSemaphore semaphore(String name, int permits) {
		return (SharedSemaphore) open(SharedType.SEMAPHORE, name, permits).object();
	}

	@Override
	public SharedSemaphore boundedSemaphore(String name, int permits) {
		return (SharedSemaphore) open(SharedType.BOUNDED_SEMAPHORE, name, permits).object();
	}

	@Override
	public SharedEvent event(String name) {
		return (SharedEvent) open(SharedType.EVENT, name, null).object();
	}

	@Override
	public SharedCondition condition(String name, SharedLock lock) {
		SharedCondition condition = (SharedCondition) open(SharedType.CONDITION, name, lock).object();
		if (condition.lock() != lock) {
			throw new IllegalArgumentException("Condition '" + name + "' belongs to the " + condition.lock()
					+ ", not to the " + lock + "; a condition is bound to the lock it was created with");
		}
		return condition;
	}

	@Override
	public SharedBarrier barrier(String name, int parties, Runnable action) {
		return BarrierSupport.withPartiesAndAction((SharedBarrier) open(SharedType.BARRIER, name, parties).object(),
				parties, action);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <E> SharedQueue<E> queue(String name, int maxsize) {
		return (SharedQueue<E>) open(SharedType.QUEUE, name, maxsize).object();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <E> SharedJoinableQueue<E> joinableQueue(String name, int maxsize) {
		return (SharedJoinableQueue<E>) open(SharedType.JOINABLE_QUEUE, name, maxsize).object();
	}

	@Override
	public <T> T proxy(String typeId, String name, Class<T> sharedInterface) {
		return sharedInterface.cast(open(SharedType.CUSTOM, name, CustomTypeRef.of(typeId, sharedInterface)).object());
	}

	@Override
	public void close() {
		this.byName.clear();
		this.byId.clear();
		this.customHost.clear();
		ScheduledExecutorService current = this.timer;
		if (current != null) {
			current.shutdownNow();
		}
	}

	/**
	 * A hosted object with its id and type.
	 *
	 * @param id the id used on the wire
	 * @param type the type
	 * @param object the object
	 */
	public record HostedObject(int id, SharedType type, SharedObject object) {

	}

}
