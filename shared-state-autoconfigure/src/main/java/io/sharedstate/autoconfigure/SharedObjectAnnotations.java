package io.sharedstate.autoconfigure;

import java.lang.annotation.Annotation;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedObject;
import io.sharedstate.spring.Inject;
import io.sharedstate.spring.Inject.SharedBarrier;
import io.sharedstate.spring.Inject.SharedCondition;
import io.sharedstate.spring.Inject.SharedCounter;
import io.sharedstate.spring.Inject.SharedCustom;
import io.sharedstate.spring.Inject.SharedDict;
import io.sharedstate.spring.Inject.SharedEvent;
import io.sharedstate.spring.Inject.SharedJoinableQueue;
import io.sharedstate.spring.Inject.SharedList;
import io.sharedstate.spring.Inject.SharedLock;
import io.sharedstate.spring.Inject.SharedNamespace;
import io.sharedstate.spring.Inject.SharedQueue;
import io.sharedstate.spring.Inject.SharedSemaphore;
import io.sharedstate.spring.Inject.SharedValue;

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
			if (annotation.annotationType().getEnclosingClass() == Inject.class) {
				return annotation;
			}
		}
		return null;
	}

	/**
	 * Describes an annotation as it is written, without its package.
	 * @param annotation the injection annotation
	 * @return for example {@code @SharedQueue(maxsize=0, value="jobs")}
	 */
	static String describe(Annotation annotation) {
		String text = annotation.toString();
		return "@" + annotation.annotationType().getSimpleName() + text.substring(text.indexOf('('));
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
		if (annotation instanceof io.sharedstate.spring.Inject.SharedMemoryBlock block) {
			return io.sharedstate.autoconfigure.memory.SharedMemoryInjection.resolve(block, manager, targetType,
					target);
		}
		Object object = lookUp(annotation, manager);
		if (!targetType.isInstance(object)) {
			throw new IllegalStateException("@" + annotation.annotationType().getSimpleName() + " on " + target
					+ " gives a shared " + ((SharedObject) object).type() + ", which is not a " + targetType.getName());
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
