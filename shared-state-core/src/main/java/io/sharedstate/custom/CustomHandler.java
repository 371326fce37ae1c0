package io.sharedstate.custom;

import java.io.ObjectStreamException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

/**
 * What every custom-object proxy answers itself: the {@link CustomObject} methods, and
 * {@code equals} and {@code hashCode} by the object's identity (two proxies of one object
 * are equal). Every other method, {@code toString} and the interface's default methods
 * included, runs on the hosted instance.
 */
abstract class CustomHandler implements InvocationHandler {

	private static final Object[] NO_ARGS = {};

	private final String typeId;

	private final String name;

	private final Class<?> sharedInterface;

	CustomHandler(String typeId, String name, Class<?> sharedInterface) {
		this.typeId = typeId;
		this.name = name;
		this.sharedInterface = sharedInterface;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		Class<?> declaring = method.getDeclaringClass();
		if (declaring == Object.class) {
			return switch (method.getName()) {
				case "equals" -> args[0] instanceof Proxy other
						&& Proxy.getInvocationHandler(other) instanceof CustomHandler handler && sameObject(handler);
				case "hashCode" -> this.name.hashCode();
				default -> call(MethodKeys.of(method), NO_ARGS);
			};
		}
		if (declaring == CustomObject.class || declaring == SharedObject.class) {
			return switch (method.getName()) {
				case "name" -> this.name;
				case "type" -> SharedType.CUSTOM;
				case "typeId" -> this.typeId;
				case "sharedInterface" -> this.sharedInterface;
				default -> writeReplace();
			};
		}
		return call(MethodKeys.of(method), (args != null) ? args : NO_ARGS);
	}

	final CustomTypeRef ref() {
		return CustomTypeRef.of(this.typeId, this.sharedInterface);
	}

	final String name() {
		return this.name;
	}

	/**
	 * Runs a method on the hosted instance.
	 * @param methodKey the method's name and parameter types
	 * @param args the arguments
	 * @return the result
	 * @throws Throwable what the method threw
	 */
	abstract Object call(String methodKey, Object[] args) throws Throwable;

	/**
	 * Returns whether another proxy's handler addresses the same object.
	 * @param other the other handler
	 * @return whether the object is the same
	 */
	abstract boolean sameObject(CustomHandler other);

	/**
	 * Returns what Java serialization writes instead of the proxy.
	 * @return the reference
	 * @throws ObjectStreamException if the object cannot travel
	 */
	abstract Object writeReplace() throws ObjectStreamException;

}
