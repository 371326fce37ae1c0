package io.sharedstate.custom;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.model.Transition;
import io.sharedstate.model.TypeDefinition;
import io.sharedstate.snapshot.Snapshots;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom types registered on one hosting manager, by type id and by interface (which
 * decides whether a method's result is hosted as a nested object). Thread-safe.
 */
public final class CustomTypes {

	private final ConcurrentHashMap<String, CustomType<?>> byTypeId = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Class<?>, CustomType<?>> byInterface = new ConcurrentHashMap<>();

	/** Instances returned by methods, with the shared objects they were handed out as. */
	private final Map<Object, SharedObject> shared = new IdentityHashMap<>();

	/**
	 * Registers a type. Registering a type id again with the same interface replaces its
	 * factory and options for the objects created afterwards.
	 * @param type the type
	 * @throws IllegalStateException if the type id is registered with another interface
	 */
	public synchronized void register(CustomType<?> type) {
		CustomType<?> existing = this.byTypeId.get(type.typeId());
		if (existing != null && existing.sharedInterface() != type.sharedInterface()) {
			throw new IllegalStateException("Custom type '" + type.typeId() + "' is already registered with "
					+ existing.sharedInterface().getName() + "; it cannot be registered again with "
					+ type.sharedInterface().getName() + ". Use another type id.");
		}
		this.byTypeId.put(type.typeId(), type);
		CustomType<?> forInterface = this.byInterface.get(type.sharedInterface());
		if (forInterface == null || forInterface.typeId().equals(type.typeId())) {
			this.byInterface.put(type.sharedInterface(), type);
		}
	}

	/**
	 * Returns the registered types.
	 * @return the types, by type id
	 */
	public List<CustomType<?>> types() {
		return this.byTypeId.values().stream().sorted(Comparator.comparing(CustomType::typeId)).toList();
	}

	/**
	 * Returns the type of a type id.
	 * @param typeId the type id
	 * @return the type, or {@code null} if none is registered under it
	 */
	public CustomType<?> find(String typeId) {
		return this.byTypeId.get(typeId);
	}

	/**
	 * Returns the type a caller refers to, checking it uses the registered interface.
	 * @param ref the type id and the caller's interface
	 * @return the type
	 * @throws IllegalArgumentException if the type id is not registered or is registered
	 * with another interface
	 */
	CustomType<?> require(CustomTypeRef ref) {
		CustomType<?> type = find(ref.typeId());
		if (type == null) {
			throw new IllegalArgumentException("No custom type '" + ref.typeId() + "' is registered on this manager "
					+ "(registered: " + types().stream().map(CustomType::typeId).toList() + "). Register it in the "
					+ "process that hosts the objects, before others use it: manager.register(\"" + ref.typeId()
					+ "\", " + simpleName(ref.interfaceName()) + ".class, factory).");
		}
		if (!type.sharedInterface().getName().equals(ref.interfaceName())) {
			throw new IllegalArgumentException(
					"Custom type '" + ref.typeId() + "' is registered with " + type.sharedInterface().getName()
							+ ", not " + ref.interfaceName() + "; use it through the registered interface.");
		}
		return type;
	}

	/**
	 * Returns the type whose objects a method returning an interface hands out as nested
	 * shared objects: the first one registered with that interface.
	 * @param returnType a method's return type
	 * @return the type, or {@code null} if the return type is not a registered interface
	 */
	CustomType<?> forReturnType(Class<?> returnType) {
		return returnType.isInterface() ? this.byInterface.get(returnType) : null;
	}

	private static String simpleName(String className) {
		return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
	}

	/**
	 * Hands out what a custom object's method returned: an instance of a registered type
	 * as a shared object of its own (the same one each time the same instance is
	 * returned), a value as a snapshot.
	 * @throws IllegalStateException if the value is mutable and not of a registered type:
	 * the caller would get a copy whose changes are silently lost
	 */
	Object share(Method method, String parentName, Object result, Transition transition) {
		if (result == null || result instanceof SharedObject) {
			return result;
		}
		CustomType<?> type = forReturnType(method.getReturnType());
		if (type == null) {
			if (!ReturnedValues.isSafeCopy(result)) {
				throw new IllegalStateException(ReturnedValues.refusal(method, result));
			}
			return Snapshots.of(result);
		}
		synchronized (this.shared) {
			SharedObject known = this.shared.get(result);
			if (known == null) {
				String name = parentName + "." + method.getName();
				known = transition.host(name, CustomTypeRef.of(type.typeId(), type.sharedInterface()),
						new CustomState(type, name, result, this));
				this.shared.put(result, known);
			}
			return known;
		}
	}

	/**
	 * Returns the definition of custom objects whose types this registry holds.
	 * @return the definition
	 */
	public TypeDefinition definition() {
		return new TypeDefinition(SharedType.CUSTOM, CustomOperation.values(), (name, initial, others) -> {
			if (!(initial instanceof CustomTypeRef ref)) {
				throw new IllegalArgumentException("Custom object '" + name + "' must be opened with its type id");
			}
			CustomType<?> type = require(ref);
			return new CustomState(type, name, type.create(), this);
		}, CustomProxyHandler::proxy, new TypeDefinition.Inspection() {

			@Override
			public Map<String, Object> describe(Object state, LongFunction<String> processes) {
				CustomType<?> type = ((CustomState) state).type();
				Map<String, Object> described = new LinkedHashMap<>();
				described.put("typeId", type.typeId());
				described.put("interface", type.sharedInterface().getName());
				described.put("threadSafe", type.threadSafe());
				return described;
			}

		});
	}

}
