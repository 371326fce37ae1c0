package io.sharedstate.python;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.sharedstate.api.SharedObject;
import io.sharedstate.python.pickle.PickleGlobals;
import io.sharedstate.python.pickle.RefusedGlobalException;

/**
 * The only globals a Python client's requests may name: the containers and {@code slice}
 * of {@code builtins}, and from {@code multiprocessing.managers} the {@code Token},
 * {@code RebuildProxy} and proxy classes a pickled proxy consists of. A proxy of this
 * manager unpickles to the shared object it stands for. Every other name
 * ({@code os.system}, any class or function) is refused when it is read, before anything
 * is called.
 */
final class RequestGlobals implements PickleGlobals {

	private static final String MANAGERS = "multiprocessing.managers";

	private static final Set<String> PROXY_CLASSES = Set.of("AutoProxy", "DictProxy", "ListProxy", "NamespaceProxy",
			"ValueProxy", "ArrayProxy", "AcquirerProxy", "ConditionProxy", "EventProxy", "BarrierProxy",
			"IteratorProxy", "BaseListProxy", "BaseProxy");

	private static final Callable SET = (args) -> new LinkedHashSet<>(PythonValues.elements(single(args, "set")));

	private static final Callable LIST = (args) -> new ArrayList<>(PythonValues.elements(single(args, "list")));

	private static final Callable SLICE = PythonSlice::of;

	private static final Callable TOKEN = (args) -> {
		if (args.size() == 3 && args.get(0) instanceof String typeid && args.get(2) instanceof String id) {
			return new PythonToken(typeid, args.get(1), id);
		}
		if (!args.isEmpty()) {
			throw new io.sharedstate.python.pickle.PickleException("Malformed pickle: Token arguments " + args);
		}
		return new PythonToken();
	};

	private final Callable rebuildProxy;

	/**
	 * Creates the globals of one request.
	 * @param proxies finds the shared object a token of this manager stands for
	 */
	RequestGlobals(Function<PythonToken, SharedObject> proxies) {
		this.rebuildProxy = (args) -> {
			if (args.size() != 4 || !(args.get(0) instanceof ProxyClass)
					|| !(args.get(1) instanceof PythonToken token)) {
				throw new io.sharedstate.python.pickle.PickleException(
						"Malformed pickle: RebuildProxy(func, token, serializer, kwds) expected");
			}
			return proxies.apply(token);
		};
	}

	@Override
	public Object resolve(String module, String name) {
		if (module.equals("builtins")) {
			switch (name) {
				case "set", "frozenset" -> {
					return SET;
				}
				case "list" -> {
					return LIST;
				}
				case "slice" -> {
					return SLICE;
				}
				case "bytearray" -> throw new RefusedGlobalException(module + "." + name,
						"A bytearray cannot be shared; send bytes(...) instead");
				default -> {
				}
			}
		}
		if (module.equals(MANAGERS)) {
			if (name.equals("Token")) {
				return TOKEN;
			}
			if (name.equals("RebuildProxy")) {
				return this.rebuildProxy;
			}
			if (PROXY_CLASSES.contains(name)) {
				return new ProxyClass(name);
			}
		}
		throw new RefusedGlobalException(module + "." + name, "shared-state refuses to unpickle " + module + "." + name
				+ ": Python clients may send only plain data (None, bool, int, float, str, bytes, list, tuple, dict, "
				+ "set, frozenset) and proxies of this manager; no class or function of theirs is ever loaded");
	}

	private static Object single(List<Object> args, String what) {
		if (args.size() > 1) {
			throw new io.sharedstate.python.pickle.PickleException(
					"Malformed pickle: " + what + "() takes one argument");
		}
		return args.isEmpty() ? List.of() : args.get(0);
	}

	/**
	 * A proxy class named in a pickled proxy; only ever passed to {@code RebuildProxy}.
	 *
	 * @param name the class name
	 */
	record ProxyClass(String name) {

	}

}
