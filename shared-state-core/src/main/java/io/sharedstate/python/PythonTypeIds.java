package io.sharedstate.python;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sharedstate.api.SharedType;

/**
 * The typeids the Python listener serves: those {@code SyncManager} registers, whose
 * objects a Python client creates and the server frees with their last reference, and the
 * {@code shared_*} typeids that reach objects Java shares by name. Each typeid has the
 * methods of its Python proxy type.
 *
 * <table>
 * <caption>Typeids shared with Java: the first argument is the object's name</caption>
 * <tr>
 * <th>typeid</th>
 * <th>arguments</th>
 * <th>Java object</th>
 * <th>Python proxy type</th>
 * </tr>
 * <tr>
 * <td>{@code shared_dict}</td>
 * <td>name</td>
 * <td>{@code dict(name)}</td>
 * <td>DictProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_list}</td>
 * <td>name</td>
 * <td>{@code list(name)}</td>
 * <td>ListProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_namespace}</td>
 * <td>name</td>
 * <td>{@code namespace(name)}</td>
 * <td>NamespaceProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_value}</td>
 * <td>name, initial=None</td>
 * <td>{@code value(name, initial)}</td>
 * <td>ValueProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_counter}</td>
 * <td>name</td>
 * <td>{@code counter(name)}</td>
 * <td>AutoProxy (or ValueProxy)</td>
 * </tr>
 * <tr>
 * <td>{@code shared_lock}, {@code shared_rlock}</td>
 * <td>name</td>
 * <td>{@code lock(name)}, {@code rlock(name)}</td>
 * <td>AcquirerProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_semaphore}, {@code shared_bounded_semaphore}</td>
 * <td>name, value=1</td>
 * <td>{@code semaphore(name, value)}, {@code boundedSemaphore(...)}</td>
 * <td>AcquirerProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_condition}</td>
 * <td>name, lock (a lock proxy or a lock's name)</td>
 * <td>{@code condition(name, lock)}</td>
 * <td>ConditionProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_event}</td>
 * <td>name</td>
 * <td>{@code event(name)}</td>
 * <td>EventProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_barrier}</td>
 * <td>name, parties</td>
 * <td>{@code barrier(name, parties)}</td>
 * <td>BarrierProxy</td>
 * </tr>
 * <tr>
 * <td>{@code shared_queue}, {@code shared_joinable_queue}</td>
 * <td>name, maxsize=0</td>
 * <td>{@code queue(name, maxsize)}, {@code joinableQueue(...)}</td>
 * <td>AutoProxy</td>
 * </tr>
 * </table>
 */
final class PythonTypeIds {

	static final String ITERATOR = "Iterator";

	/** The typeids of {@code SyncManager} with the shared type behind them. */
	static final Map<String, SharedType> PYTHON = new LinkedHashMap<>();

	/** The typeids shared with Java, with the shared type they open by name. */
	static final Map<String, SharedType> NAMED = new LinkedHashMap<>();

	private static final Map<SharedType, String> DEFAULT_TYPEIDS = new EnumMap<>(SharedType.class);

	private static final Map<String, PythonMethods> METHODS = new LinkedHashMap<>();

	static {
		python("dict", SharedType.DICT, DictMethods.INSTANCE);
		python("list", SharedType.LIST, ListMethods.INSTANCE);
		python("Namespace", SharedType.NAMESPACE, NamespaceMethods.INSTANCE);
		python("Value", SharedType.VALUE, ValueMethods.INSTANCE);
		python("Array", SharedType.LIST, ArrayMethods.INSTANCE);
		python("Lock", SharedType.LOCK, LockMethods.INSTANCE);
		python("RLock", SharedType.RLOCK, LockMethods.INSTANCE);
		python("Semaphore", SharedType.SEMAPHORE, SemaphoreMethods.INSTANCE);
		python("BoundedSemaphore", SharedType.BOUNDED_SEMAPHORE, SemaphoreMethods.INSTANCE);
		python("Condition", SharedType.CONDITION, ConditionMethods.INSTANCE);
		python("Event", SharedType.EVENT, EventMethods.INSTANCE);
		python("Barrier", SharedType.BARRIER, BarrierMethods.INSTANCE);
		python("Queue", SharedType.JOINABLE_QUEUE, QueueMethods.INSTANCE);
		python("JoinableQueue", SharedType.JOINABLE_QUEUE, QueueMethods.INSTANCE);
		METHODS.put(ITERATOR, IteratorMethods.INSTANCE);
		named("shared_dict", SharedType.DICT, DictMethods.INSTANCE);
		named("shared_list", SharedType.LIST, ListMethods.INSTANCE);
		named("shared_namespace", SharedType.NAMESPACE, NamespaceMethods.INSTANCE);
		named("shared_value", SharedType.VALUE, ValueMethods.INSTANCE);
		named("shared_counter", SharedType.COUNTER, CounterMethods.INSTANCE);
		named("shared_lock", SharedType.LOCK, LockMethods.INSTANCE);
		named("shared_rlock", SharedType.RLOCK, LockMethods.INSTANCE);
		named("shared_semaphore", SharedType.SEMAPHORE, SemaphoreMethods.INSTANCE);
		named("shared_bounded_semaphore", SharedType.BOUNDED_SEMAPHORE, SemaphoreMethods.INSTANCE);
		named("shared_condition", SharedType.CONDITION, ConditionMethods.INSTANCE);
		named("shared_event", SharedType.EVENT, EventMethods.INSTANCE);
		named("shared_barrier", SharedType.BARRIER, BarrierMethods.INSTANCE);
		named("shared_queue", SharedType.QUEUE, QueueMethods.INSTANCE);
		named("shared_joinable_queue", SharedType.JOINABLE_QUEUE, QueueMethods.INSTANCE);
		for (Map.Entry<String, SharedType> entry : PYTHON.entrySet()) {
			DEFAULT_TYPEIDS.putIfAbsent(entry.getValue(), entry.getKey());
		}
		DEFAULT_TYPEIDS.put(SharedType.QUEUE, "Queue");
		DEFAULT_TYPEIDS.put(SharedType.COUNTER, "shared_counter");
	}

	private PythonTypeIds() {
	}

	private static void python(String typeid, SharedType type, PythonMethods methods) {
		PYTHON.put(typeid, type);
		METHODS.put(typeid, methods);
	}

	private static void named(String typeid, SharedType type, PythonMethods methods) {
		NAMED.put(typeid, type);
		METHODS.put(typeid, methods);
	}

	/**
	 * Returns the methods of a typeid.
	 * @param typeid the typeid
	 * @return the methods
	 */
	static PythonMethods methodsOf(String typeid) {
		PythonMethods methods = METHODS.get(typeid);
		if (methods == null) {
			throw new IllegalArgumentException("No Python typeid " + typeid);
		}
		return methods;
	}

	/**
	 * Returns the typeid a shared object of a type has when it reaches Python inside a
	 * value.
	 * @param type the type
	 * @return the typeid
	 */
	static String defaultTypeid(SharedType type) {
		String typeid = DEFAULT_TYPEIDS.get(type);
		if (typeid == null) {
			throw PythonException.typeError("a shared " + type + " has no Python counterpart");
		}
		return typeid;
	}

	/**
	 * Returns the Python proxy class of a type, for messages.
	 * @param type the type
	 * @return the class name
	 */
	static String proxyClassOf(SharedType type) {
		String proxyClass = methodsOf(defaultTypeid(type)).proxyClass();
		return (proxyClass != null) ? proxyClass : "AutoProxy[" + defaultTypeid(type) + "]";
	}

	/**
	 * Returns every typeid served.
	 * @return the typeids
	 */
	static List<String> all() {
		return List.copyOf(METHODS.keySet());
	}

}
