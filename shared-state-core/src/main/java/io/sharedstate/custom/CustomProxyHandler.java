package io.sharedstate.custom;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;

/**
 * The proxy of a custom object, on every engine: answers the {@link CustomObject} methods
 * itself, and {@code equals} and {@code hashCode} by the object's identity (two proxies
 * of one object are equal). Every other method, {@code toString} and the interface's
 * default methods included, runs on the hosted instance.
 */
final class CustomProxyHandler implements InvocationHandler {

	private static final Object[] NO_ARGS = {};

	private final ObjectHandle handle;

	private final CustomTypeRef ref;

	private final Class<?> sharedInterface;

	private CustomProxyHandler(ObjectHandle handle, CustomTypeRef ref, Class<?> sharedInterface) {
		this.handle = handle;
		this.ref = ref;
		this.sharedInterface = sharedInterface;
	}

	/**
	 * Creates the proxy of a handle opened with a custom type.
	 * @param handle the handle
	 * @return the proxy, implementing the type's interface and {@link CustomObject}
	 */
	static SharedObject proxy(ObjectHandle handle) {
		CustomTypeRef ref = (CustomTypeRef) handle.initial();
		Class<?> sharedInterface = ref.loadInterface();
		return (SharedObject) Proxy.newProxyInstance(sharedInterface.getClassLoader(),
				new Class<?>[] { sharedInterface, CustomObject.class },
				new CustomProxyHandler(handle, ref, sharedInterface));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		Class<?> declaring = method.getDeclaringClass();
		if (declaring == Object.class) {
			return switch (method.getName()) {
				case "equals" -> args[0] instanceof Proxy other
						&& Proxy.getInvocationHandler(other) instanceof CustomProxyHandler handler
						&& handler.handle.sameObject(this.handle);
				case "hashCode" -> this.handle.name().hashCode();
				default -> call(MethodKeys.of(method), NO_ARGS);
			};
		}
		if (declaring == CustomObject.class || declaring == SharedObject.class) {
			return switch (method.getName()) {
				case "name" -> this.handle.name();
				case "type" -> SharedType.CUSTOM;
				case "typeId" -> this.ref.typeId();
				case "sharedInterface" -> this.sharedInterface;
				default -> this.handle.writeReplace();
			};
		}
		return call(MethodKeys.of(method), (args != null) ? args : NO_ARGS);
	}

	private Object call(String methodKey, Object[] args) throws Throwable {
		try {
			return this.handle.callAs(methodKey, CustomOperation.CALL, new Object[] { methodKey, args });
		}
		catch (UndeclaredThrowableException ex) {
			// A checked exception the method threw reaches the caller as itself.
			throw ex.getUndeclaredThrowable();
		}
	}

}
