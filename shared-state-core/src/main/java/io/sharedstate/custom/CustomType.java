package io.sharedstate.custom;

import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A registered custom type: its type id, the interface its proxies implement, the factory
 * that creates an object the first time a name is used, and which of its methods clients
 * may call. Immutable.
 *
 * @param <T> the interface
 */
public final class CustomType<T> {

	/** Methods every proxy answers itself (see {@link CustomObject}). */
	private static final Set<String> RESERVED = Set.of("name", "type", "typeId", "sharedInterface", "writeReplace");

	private static final String TO_STRING = "toString()";

	private final String typeId;

	private final Class<T> sharedInterface;

	private final Supplier<? extends T> factory;

	private final TypeOptions options;

	private final Map<String, Method> methods;

	private final Map<String, Method> exposed;

	private CustomType(String typeId, Class<T> sharedInterface, Supplier<? extends T> factory, TypeOptions options,
			Map<String, Method> methods, Map<String, Method> exposed) {
		this.typeId = typeId;
		this.sharedInterface = sharedInterface;
		this.factory = factory;
		this.options = options;
		this.methods = methods;
		this.exposed = exposed;
	}

	/**
	 * Describes a custom type.
	 * @param <T> the interface
	 * @param typeId the type id, unique per manager
	 * @param sharedInterface the interface its proxies implement
	 * @param factory creates an object, the first time a name is used
	 * @param options thread-safety and exposed methods
	 * @return the type
	 * @throws IllegalArgumentException if the type id is empty, the class is not an
	 * interface, declares a method every proxy answers itself ({@code name()}...), or an
	 * exposed name is not one of its methods
	 */
	public static <T> CustomType<T> of(String typeId, Class<T> sharedInterface, Supplier<? extends T> factory,
			TypeOptions options) {
		CustomTypeRef.of(typeId, sharedInterface);
		Objects.requireNonNull(factory, "factory");
		Objects.requireNonNull(options, "options");
		Map<String, Method> methods = new TreeMap<>();
		for (Method method : sharedInterface.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) || isObjectMethod(method)) {
				continue;
			}
			if (method.getParameterCount() == 0 && RESERVED.contains(method.getName())) {
				throw new IllegalArgumentException(sharedInterface.getName() + " declares " + method.getName()
						+ "(), which every custom object's proxy answers itself (see CustomObject); rename the method to "
						+ "register the interface as custom type '" + typeId + "'");
			}
			methods.merge(MethodKeys.of(method), accessible(method, typeId), CustomType::moreSpecific);
		}
		Map<String, Method> exposed = new TreeMap<>(methods);
		if (!options.exposed().isEmpty()) {
			Set<String> names = new LinkedHashSet<>(options.exposed());
			List<String> unknown = new ArrayList<>(names);
			methods.values().forEach((method) -> unknown.remove(method.getName()));
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("Custom type '" + typeId + "' cannot expose " + unknown + ": "
						+ sharedInterface.getName() + " has no such method");
			}
			exposed.values().removeIf((method) -> !names.contains(method.getName()));
		}
		exposed.put(TO_STRING, objectToString());
		return new CustomType<>(typeId, sharedInterface, factory, options, Map.copyOf(methods), Map.copyOf(exposed));
	}

	private static boolean isObjectMethod(Method method) {
		try {
			Object.class.getMethod(method.getName(), method.getParameterTypes());
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static Method accessible(Method method, String typeId) {
		if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
			try {
				method.setAccessible(true);
			}
			catch (InaccessibleObjectException ex) {
				throw new IllegalArgumentException("Custom type '" + typeId + "': " + method.getDeclaringClass()
						+ " is not public and its module does not open it; make the interface public", ex);
			}
		}
		return method;
	}

	/**
	 * Of two methods with one signature (inherited from several interfaces), keeps the
	 * one with the narrower return type, which decides whether a result is hosted as a
	 * nested object.
	 */
	private static Method moreSpecific(Method first, Method second) {
		return first.getReturnType().isAssignableFrom(second.getReturnType()) ? second : first;
	}

	private static Method objectToString() {
		try {
			return Object.class.getMethod("toString");
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the type id.
	 * @return the type id
	 */
	public String typeId() {
		return this.typeId;
	}

	/**
	 * Returns the interface the type was registered with.
	 * @return the interface
	 */
	public Class<T> sharedInterface() {
		return this.sharedInterface;
	}

	/**
	 * Returns whether calls on one object may run concurrently.
	 * @return whether the type declared itself thread-safe
	 */
	public boolean threadSafe() {
		return this.options.threadSafe();
	}

	/**
	 * Returns the methods clients may call, as name and parameter types, e.g.
	 * {@code set(int,int,int)}; {@code toString()} is always callable and not listed.
	 * @return the method keys, sorted
	 */
	public List<String> exposedMethods() {
		return this.exposed.keySet().stream().filter((key) -> !key.equals(TO_STRING)).sorted().toList();
	}

	/**
	 * Creates an object for a new name.
	 * @return the object
	 * @throws IllegalStateException if the factory returns {@code null} or an object not
	 * implementing the interface
	 */
	Object create() {
		Object created = this.factory.get();
		if (!this.sharedInterface.isInstance(created)) {
			throw new IllegalStateException("The factory of custom type '" + this.typeId + "' returned "
					+ ((created != null) ? "a " + created.getClass().getName() : "null") + ", not an implementation of "
					+ this.sharedInterface.getName());
		}
		return created;
	}

	/**
	 * Returns the method clients call with a key.
	 * @param key the method's name and parameter types
	 * @return the method
	 * @throws UnsupportedOperationException if the interface has no such method or the
	 * type does not expose it
	 */
	Method exposedMethod(String key) {
		Method method = this.exposed.get(key);
		if (method != null) {
			return method;
		}
		if (this.methods.containsKey(key)) {
			throw new UnsupportedOperationException("Method " + key + " of custom type '" + this.typeId
					+ "' is not exposed; it exposes " + exposedMethods());
		}
		throw new UnsupportedOperationException("Custom type '" + this.typeId + "' (" + this.sharedInterface.getName()
				+ ") has no method " + key + "; the caller's interface differs from the registered one. Use the same "
				+ "version of " + this.sharedInterface.getSimpleName() + " in every process.");
	}

	@Override
	public String toString() {
		return "custom type '" + this.typeId + "' (" + this.sharedInterface.getName()
				+ (threadSafe() ? ", thread-safe)" : ")");
	}

}
