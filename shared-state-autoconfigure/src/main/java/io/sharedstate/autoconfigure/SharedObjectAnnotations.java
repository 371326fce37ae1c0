package io.sharedstate.autoconfigure;

import java.lang.annotation.Annotation;

import io.sharedstate.SharedState;
import io.sharedstate.inject.SharedBarrier;
import io.sharedstate.inject.SharedCondition;
import io.sharedstate.inject.SharedCounter;
import io.sharedstate.inject.SharedCustom;
import io.sharedstate.inject.SharedDict;
import io.sharedstate.inject.SharedEvent;
import io.sharedstate.inject.SharedJoinableQueue;
import io.sharedstate.inject.SharedList;
import io.sharedstate.inject.SharedLock;
import io.sharedstate.inject.SharedNamespace;
import io.sharedstate.inject.SharedQueue;
import io.sharedstate.inject.SharedSemaphore;
import io.sharedstate.inject.SharedValue;

/**
 * Maps the injection annotations to the shared objects they name.
 */
final class SharedObjectAnnotations {

	private SharedObjectAnnotations() {
	}

	/**
	 * Returns the injection annotation among some, if any.
	 * @param annotations the annotations of a field or parameter
	 * @return the injection annotation, or {@code null}
	 */
	static Annotation find(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().getPackageName().equals(SharedDict.class.getPackageName())) {
				return annotation;
			}
		}
		return null;
	}

	/**
	 * Finds or creates the object an annotation names, checking it fits where it goes.
	 * @param annotation the injection annotation
	 * @param manager the manager
	 * @param targetType the type of the field or parameter
	 * @param target the field or parameter, for the message
	 * @return the object
	 * @throws IllegalStateException if the object cannot be assigned to the target type
	 */
	static Object resolve(Annotation annotation, SharedState manager, Class<?> targetType, Object target) {
		if (annotation instanceof SharedCustom custom) {
			return manager.proxy(custom.type(), custom.value(), targetType);
		}
		if (annotation instanceof io.sharedstate.inject.SharedMemoryBlock block) {
			return io.sharedstate.autoconfigure.memory.SharedMemoryInjection.resolve(block, manager, targetType,
					target);
		}
		Object object = lookUp(annotation, manager);
		if (!targetType.isInstance(object)) {
			throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " on " + target
					+ " gives a shared " + ((io.sharedstate.api.SharedObject) object).type() + ", which is not a "
					+ targetType.getName());
		}
		return object;
	}

	private static Object lookUp(Annotation annotation, SharedState manager) {
		if (annotation instanceof SharedDict dict) {
			return manager.dict(dict.value());
		}
		if (annotation instanceof SharedList list) {
			return manager.list(list.value());
		}
		if (annotation instanceof SharedNamespace namespace) {
			return manager.namespace(namespace.value());
		}
		if (annotation instanceof SharedValue value) {
			return manager.value(value.value(), null);
		}
		if (annotation instanceof SharedCounter counter) {
			return manager.counter(counter.value());
		}
		if (annotation instanceof SharedEvent event) {
			return manager.event(event.value());
		}
		if (annotation instanceof SharedLock lock) {
			return lock.reentrant() ? manager.rlock(lock.value()) : manager.lock(lock.value());
		}
		if (annotation instanceof SharedSemaphore semaphore) {
			return semaphore.bounded() ? manager.boundedSemaphore(semaphore.value(), semaphore.permits())
					: manager.semaphore(semaphore.value(), semaphore.permits());
		}
		if (annotation instanceof SharedCondition condition) {
			return manager.condition(condition.value(),
					condition.reentrant() ? manager.rlock(condition.lock()) : manager.lock(condition.lock()));
		}
		if (annotation instanceof SharedBarrier barrier) {
			return manager.barrier(barrier.value(), barrier.parties());
		}
		if (annotation instanceof SharedQueue queue) {
			return manager.queue(queue.value(), queue.maxsize());
		}
		if (annotation instanceof SharedJoinableQueue queue) {
			return manager.joinableQueue(queue.value(), queue.maxsize());
		}
		if (annotation instanceof SharedCustom custom) {
			throw new IllegalStateException("@SharedCustom needs the target's type; use resolve(...)");
		}
		throw new IllegalArgumentException("Not a shared object annotation: " + annotation);
	}

}
