package io.sharedstate.custom;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One hosted custom object: the instance the factory (or a parent's method) created, and
 * the lock that makes calls on it run one at a time unless its type is thread-safe.
 * {@link #call} is where every call runs, from this process or from a client.
 */
final class CustomInstance {

	private final CustomType<?> type;

	private final String name;

	private final Object target;

	private final ReentrantLock lock;

	private final CustomHost host;

	CustomInstance(CustomType<?> type, String name, Object target, CustomHost host) {
		this.type = type;
		this.name = name;
		this.target = target;
		this.lock = type.threadSafe() ? null : new ReentrantLock();
		this.host = host;
	}

	CustomType<?> type() {
		return this.type;
	}

	String name() {
		return this.name;
	}

	/**
	 * Calls an exposed method on the instance and returns what the caller gets: a nested
	 * shared object for a registered interface, a snapshot for a plain collection, the
	 * result itself otherwise.
	 * @param methodKey the method's name and parameter types
	 * @param args the arguments
	 * @return the result
	 * @throws UnsupportedOperationException if the method is not exposed
	 * @throws Throwable what the method threw
	 */
	Object call(String methodKey, Object[] args) throws Throwable {
		Method method = this.type.exposedMethod(methodKey);
		Object result;
		if (this.lock != null) {
			this.lock.lock();
		}
		try {
			result = method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Cannot call " + methodKey + " of custom type '" + this.type.typeId()
					+ "' with " + Arrays.stream(args).map(CustomInstance::typeName).toList() + ": " + ex.getMessage(),
					ex);
		}
		finally {
			if (this.lock != null) {
				this.lock.unlock();
			}
		}
		return this.host.share(this, method, result);
	}

	private static String typeName(Object arg) {
		return (arg != null) ? arg.getClass().getName() : "null";
	}

	@Override
	public String toString() {
		return "'" + this.type.typeId() + "' object '" + this.name + "'";
	}

}
