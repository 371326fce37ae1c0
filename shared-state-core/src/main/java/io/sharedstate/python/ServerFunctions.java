package io.sharedstate.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.snapshot.Tuple;

/**
 * The functions of Python's manager server that take no object ({@code ident} is
 * {@code None}): {@code create} for every typeid, {@code incref} and {@code decref},
 * {@code get_methods}, {@code debug_info}, {@code number_of_objects}, {@code dummy}.
 * ({@code accept_connection} is the connection's own; {@code shutdown} is refused: a
 * Python client does not stop the Java server.)
 */
final class ServerFunctions {

	/**
	 * The name a {@code Condition()} made without a lock gives its own lock, after its
	 * own.
	 */
	private static final String CONDITION_LOCK = ".lock";

	private final PythonObjectSpace space;

	private final Referents referents;

	ServerFunctions(PythonObjectSpace space, Referents referents) {
		this.space = space;
		this.referents = referents;
	}

	/**
	 * Runs a server function.
	 * @param args the function's name and arguments
	 * @return the result to send back
	 * @throws PythonException to raise in the caller
	 */
	Object call(Args args) {
		return switch (args.method()) {
			case "create" -> create(args);
			case "incref" -> {
				this.referents.incref(ident(args.accept("ident").get(0, "ident")));
				yield null;
			}
			case "decref" -> {
				decref(ident(args.accept("ident").get(0, "ident")));
				yield null;
			}
			case "get_methods" -> {
				Object token = args.accept("token").get(0, "token");
				if (!(token instanceof PythonToken pythonToken)) {
					throw PythonException.typeError("get_methods() takes a Token");
				}
				yield Tuple.copyOf(this.referents.get(pythonToken.id()).methods().exposed());
			}
			case "debug_info" -> debugInfo();
			case "number_of_objects" -> this.referents.referenced();
			case "dummy" -> null;
			case "shutdown" -> throw PythonException.runtimeError(
					"A Python client cannot shut down a shared-state manager; stop the Java process that hosts it");
			default -> throw PythonException.builtin("AssertionError", PythonRepr.of(args.method()) + " unrecognized");
		};
	}

	private void decref(String ident) {
		Referent freed = this.referents.decref(ident);
		if (freed != null && freed.name() != null) {
			this.space.destroy(freed.name());
			if (freed.type() == SharedType.CONDITION) {
				this.space.destroy(freed.name() + CONDITION_LOCK);
			}
		}
	}

	private String debugInfo() {
		List<String> lines = new ArrayList<>();
		for (Map.Entry<Referent, Integer> entry : this.referents.counted()) {
			Referent referent = entry.getKey();
			String description = (referent.name() != null) ? referent.typeid() + " '" + referent.name() + "'"
					: referent.typeid();
			lines.add("  " + referent.ident() + ":       refcount=" + entry.getValue() + "\n    "
					+ description.substring(0, Math.min(75, description.length())));
		}
		return String.join("\n", lines);
	}

	private Object create(Args call) {
		List<Object> all = call.positional();
		if (all.isEmpty() || !(all.get(0) instanceof String typeid)) {
			throw PythonException.typeError("create() needs a typeid");
		}
		Args args = new Args(typeid, all.subList(1, all.size()), call.keywords());
		Referent referent;
		if (PythonTypeIds.NAMED.containsKey(typeid)) {
			referent = createNamed(typeid, PythonTypeIds.NAMED.get(typeid), args);
		}
		else if (PythonTypeIds.PYTHON.containsKey(typeid)) {
			referent = createAnonymous(typeid, PythonTypeIds.PYTHON.get(typeid), args);
		}
		else if (typeid.equals("Pool")) {
			throw PythonException.notImplemented("Pool is not available on a shared-state manager yet: run a "
					+ "multiprocessing.Pool in the Python process, and share its inputs and results through a Queue");
		}
		else if (typeid.equals("set")) {
			throw PythonException.notImplemented(
					"shared sets are not available on a shared-state manager yet: use a dict whose keys are the set");
		}
		else {
			throw PythonException.keyError(typeid);
		}
		return Tuple.of(referent.ident(), Tuple.copyOf(referent.methods().exposed()));
	}

	private Referent createAnonymous(String typeid, SharedType type, Args args) {
		Object initial = null;
		Object detail = null;
		switch (typeid) {
			case "dict" -> {
				if (args.size() > 1) {
					throw PythonException.typeError("dict expected at most 1 argument, got " + args.size());
				}
			}
			case "list" -> args.accept("iterable");
			case "Namespace" -> {
				if (args.size() > 0) {
					throw PythonException.typeError("Namespace() takes keyword arguments only");
				}
			}
			case "Value" -> {
				args.accept("typecode", "value", "lock");
				detail = args.get(0, "typecode");
				initial = args.get(1, "value");
			}
			case "Array" -> {
				args.accept("typecode", "sequence", "lock");
				detail = ArrayMethods.typecode(args.get(0, "typecode"));
				initial = ArrayMethods.elements((String) detail, PythonValues.elements(args.get(1, "sequence")));
			}
			case "Semaphore", "BoundedSemaphore" -> {
				int value = PythonValues.intValue(args.accept("value").get(0, "value", 1L));
				if (value < 0) {
					throw PythonException.valueError("semaphore initial value must be >= 0");
				}
				initial = value;
			}
			case "Condition" -> {
				Object lock = args.accept("lock").get(0, "lock", null);
				if (lock != null && !(lock instanceof SharedLock)) {
					throw PythonException.typeError("Condition(lock) takes a Lock or RLock of this manager");
				}
				initial = lock;
			}
			case "Barrier" -> {
				args.accept("parties", "action", "timeout");
				if (args.get(1, "action", null) != null) {
					throw PythonException.typeError("a Barrier action cannot run on a Java manager");
				}
				initial = parties(args.get(0, "parties"));
				Object timeout = args.get(2, "timeout", null);
				PythonValues.timeoutNanos(timeout);
				detail = timeout;
			}
			case "Queue", "JoinableQueue" ->
				initial = Math.max(0, PythonValues.intValue(args.accept("maxsize").get(0, "maxsize", 0L)));
			default -> args.accept();
		}
		Object start = initial;
		return this.referents.created(typeid, type, (name) -> {
			Object opened = start;
			if (type == SharedType.CONDITION && opened == null) {
				opened = this.space.open(SharedType.RLOCK, name + CONDITION_LOCK, null);
			}
			SharedObject object = this.space.open(type, name, (type == SharedType.LIST) ? null : opened);
			fill(object, typeid, args, opened);
		}, (name) -> this.space.find(name) == null && this.space.find(name + CONDITION_LOCK) == null, detail);
	}

	@SuppressWarnings("unchecked")
	private static void fill(SharedObject object, String typeid, Args args, Object initial) {
		switch (typeid) {
			case "dict" -> {
				Object source = (args.size() == 1) ? args.positional().get(0) : null;
				DictMethods.update((SharedDict<Object, Object>) object, source, args.keywords());
			}
			case "list" -> {
				if (args.size() == 1) {
					((SharedList<Object>) object).addAll(PythonValues.elements(args.get(0, "iterable")));
				}
			}
			case "Array" -> ((SharedList<Object>) object).addAll((List<Object>) initial);
			case "Namespace" -> args.keywords()
				.forEach((name, value) -> ((SharedNamespace) object).set(name, PythonValues.nonNull(value)));
			default -> {
			}
		}
	}

	private Referent createNamed(String typeid, SharedType type, Args args) {
		Object name = args.get(0, "name");
		if (!(name instanceof String objectName) || objectName.isEmpty()) {
			throw PythonException.typeError(typeid + "() takes the shared object's name first, a non-empty str");
		}
		Object initial = null;
		switch (type) {
			case VALUE -> initial = args.accept("name", "initial").get(1, "initial", null);
			case SEMAPHORE, BOUNDED_SEMAPHORE ->
				initial = PythonValues.intValue(args.accept("name", "value").get(1, "value", 1L));
			case QUEUE, JOINABLE_QUEUE ->
				initial = Math.max(0, PythonValues.intValue(args.accept("name", "maxsize").get(1, "maxsize", 0L)));
			case BARRIER -> initial = parties(args.accept("name", "parties").get(1, "parties"));
			case CONDITION -> initial = conditionLock(args.accept("name", "lock").get(1, "lock"));
			default -> args.accept("name");
		}
		SharedObject object = this.space.open(type, objectName, initial);
		if (object instanceof SharedBarrier barrier && barrier.parties() != (Integer) initial) {
			throw PythonException.valueError(
					"Barrier '" + objectName + "' exists with " + barrier.parties() + " parties, not " + initial);
		}
		if (object instanceof SharedCondition condition
				&& !condition.lock().name().equals(((SharedLock) initial).name())) {
			throw PythonException.valueError("Condition '" + objectName + "' belongs to lock '"
					+ condition.lock().name() + "', not to '" + ((SharedLock) initial).name() + "'");
		}
		return this.referents.named(typeid, object, null);
	}

	private SharedLock conditionLock(Object lock) {
		if (lock instanceof SharedLock sharedLock) {
			return sharedLock;
		}
		if (lock instanceof String lockName && this.space.find(lockName) instanceof SharedLock sharedLock) {
			return sharedLock;
		}
		throw PythonException.typeError("shared_condition(name, lock) takes a shared lock, or the name of one");
	}

	private static int parties(Object parties) {
		int count = PythonValues.intValue(parties);
		if (count < 1) {
			throw PythonException.valueError("parties must be > 0");
		}
		return count;
	}

	private static String ident(Object ident) {
		if (!(ident instanceof String string)) {
			throw PythonException.keyError(ident);
		}
		return string;
	}

}
