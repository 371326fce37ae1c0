package io.sharedstate.custom;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalEngine.HostedObject;
import io.sharedstate.snapshot.Snapshots;

/**
 * Hosts the custom objects of one local engine: creates an object with its type's factory
 * the first time a name is used, and hosts the objects that methods returning a
 * registered interface hand out, once per instance, under a name derived from the parent
 * and the method ({@code board.child}, then {@code board.child#2} for another instance).
 * Such nested objects stay hosted while the manager runs.
 */
public final class CustomHost {

	private final LocalEngine engine;

	/**
	 * The proxy of every hosted instance, so an instance returned again is one object.
	 */
	private final Map<Object, SharedObject> proxies = new IdentityHashMap<>();

	/**
	 * Creates the host of an engine's custom objects.
	 * @param engine the engine
	 */
	public CustomHost(LocalEngine engine) {
		this.engine = engine;
	}

	/**
	 * Finds or creates the custom object of a name. The factory runs outside the engine's
	 * maps, so it may itself use the manager.
	 * @param name the name
	 * @param ref the type id and interface the caller uses
	 * @return the hosted object
	 * @throws IllegalArgumentException if the type is not registered with that interface
	 * @throws SharedTypeMismatchException if the name belongs to another type or type id
	 */
	public HostedObject open(String name, CustomTypeRef ref) {
		CustomType<?> type = this.engine.customTypes().require(ref);
		HostedObject hosted = this.engine.find(name);
		if (hosted == null) {
			synchronized (this) {
				hosted = this.engine.find(name);
				if (hosted == null) {
					Object target = type.create();
					SharedObject proxy = newProxy(type, name, target);
					hosted = this.engine.add(name, SharedType.CUSTOM, proxy);
					if (hosted.object() == proxy) {
						this.proxies.putIfAbsent(target, proxy);
					}
				}
			}
		}
		String existing = LocalEngine.describe(hosted);
		String requested = describe(ref.typeId());
		if (!existing.equals(requested)) {
			throw SharedTypeMismatchException.of(name, existing, requested);
		}
		return hosted;
	}

	/**
	 * Returns what a method's caller gets for its result.
	 * @param parent the object the method ran on
	 * @param method the method
	 * @param result what it returned
	 * @return a hosted object for an instance of a registered interface the method
	 * declares, a snapshot for a plain collection, the result itself otherwise
	 */
	Object share(CustomInstance parent, Method method, Object result) {
		if (result == null || result instanceof SharedObject) {
			return result;
		}
		CustomType<?> type = this.engine.customTypes().forReturnType(method.getReturnType());
		if (type == null) {
			return Snapshots.of(result);
		}
		synchronized (this) {
			SharedObject known = this.proxies.get(result);
			if (known != null) {
				return known;
			}
			String base = parent.name() + "." + method.getName();
			for (int n = 1;; n++) {
				String name = (n == 1) ? base : base + "#" + n;
				if (this.engine.find(name) != null) {
					continue;
				}
				SharedObject proxy = newProxy(type, name, result);
				if (this.engine.add(name, SharedType.CUSTOM, proxy).object() == proxy) {
					this.proxies.put(result, proxy);
					return proxy;
				}
			}
		}
	}

	/**
	 * Forgets every hosted instance: the engine is closing.
	 */
	public synchronized void clear() {
		this.proxies.clear();
	}

	private SharedObject newProxy(CustomType<?> type, String name, Object target) {
		return CustomProxies.local(new CustomInstance(type, name, target, this), this.engine);
	}

	/**
	 * Describes a custom type for messages that also name built-in types.
	 * @param typeId the type id
	 * @return the description
	 */
	public static String describe(String typeId) {
		return "'" + typeId + "' object";
	}

}
