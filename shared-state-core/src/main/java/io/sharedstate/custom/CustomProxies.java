package io.sharedstate.custom;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

import io.sharedstate.api.SharedObject;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.engine.LocalEngine;

/**
 * Creates the proxies of custom objects: a {@link Proxy} implementing the registered
 * interface and {@link CustomObject}, defined in the interface's class loader.
 */
final class CustomProxies {

	private CustomProxies() {
	}

	/**
	 * Creates the in-process proxy of a hosted instance, which is also what the engine
	 * hosts under the object's name.
	 */
	static SharedObject local(CustomInstance instance, LocalEngine engine) {
		return create(instance.type().sharedInterface(), new LocalCustomHandler(instance, engine));
	}

	/**
	 * Creates a client's proxy.
	 */
	static SharedObject remote(RemoteHandle handle, CustomTypeRef ref, Class<?> sharedInterface) {
		return create(sharedInterface, new RemoteCustomHandler(handle, ref, sharedInterface));
	}

	/**
	 * Returns the hosted instance behind an object the engine hosts.
	 * @param object the hosted object of a custom type
	 * @return the instance
	 * @throws IllegalStateException if the object is not an in-process custom object
	 */
	static CustomInstance instance(Object object) {
		if (object instanceof Proxy && Proxy.getInvocationHandler(object) instanceof LocalCustomHandler local) {
			return local.instance();
		}
		throw new IllegalStateException(object + " is not a hosted custom object");
	}

	private static SharedObject create(Class<?> sharedInterface, InvocationHandler handler) {
		return (SharedObject) Proxy.newProxyInstance(sharedInterface.getClassLoader(),
				new Class<?>[] { sharedInterface, CustomObject.class }, handler);
	}

}
