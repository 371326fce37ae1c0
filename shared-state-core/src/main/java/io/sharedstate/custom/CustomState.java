package io.sharedstate.custom;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

import io.sharedstate.model.ConcurrentState;
import io.sharedstate.model.Labelled;
import io.sharedstate.model.Transition;

/**
 * The state of a custom object: the instance its factory made, called one method at a
 * time unless its type is thread-safe. A method returning an instance of a registered
 * type hands out that instance as a shared object of its own; any other result goes back
 * as a value, so it must be one whose copy cannot silently lose a change.
 */
final class CustomState implements ConcurrentState, Labelled {

	private final CustomType<?> type;

	private final Object target;

	private final CustomTypes types;

	private final ReentrantLock lock;

	private final String name;

	CustomState(CustomType<?> type, String name, Object target, CustomTypes types) {
		this.type = type;
		this.name = name;
		this.target = target;
		this.types = types;
		this.lock = type.threadSafe() ? null : new ReentrantLock();
	}

	CustomType<?> type() {
		return this.type;
	}

	@Override
	public String label() {
		return CustomTypeRef.label(this.type.typeId());
	}

	Object call(String methodKey, Object[] args, Transition transition) {
		Method method = this.type.exposedMethod(methodKey);
		Object result;
		if (this.lock != null) {
			this.lock.lock();
		}
		try {
			result = method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw asUnchecked(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + methodKey + " of custom type '" + this.type.typeId() + "'",
					ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Cannot call " + methodKey + " of custom type '" + this.type.typeId()
					+ "' with " + Arrays.stream(args).map(CustomState::typeName).toList() + ": " + ex.getMessage(), ex);
		}
		finally {
			if (this.lock != null) {
				this.lock.unlock();
			}
		}
		return this.types.share(method, this.name, result, transition);
	}

	private static RuntimeException asUnchecked(Throwable failure) {
		if (failure instanceof RuntimeException unchecked) {
			return unchecked;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		// Checked exceptions reach the caller as themselves (see ErrorReplies) without
		// ending the caller's connection.
		return new UndeclaredThrowableException(failure);
	}

	private static String typeName(Object arg) {
		return (arg != null) ? arg.getClass().getName() : "null";
	}

	@Override
	public String toString() {
		return label() + " '" + this.name + "'";
	}

}
