package io.sharedstate.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotations that inject shared objects, by name, into fields and constructor or
 * {@code @Bean} method parameters of Spring beans. Each has the simple name of the shared
 * type it injects, so a class can use them in either of two ways, with imports only:
 *
 * <pre>{@code
 * import io.sharedstate.spring.Inject.SharedDict;      // the annotation itself
 *
 * &#64;SharedDict("orders")
 * private Map<String, Order> orders;
 * }</pre>
 *
 * or, when the field's type is the shared interface of the same simple name, through this
 * holder:
 *
 * <pre>{@code
 * import io.sharedstate.dict.SharedDict;               // the interface
 * import io.sharedstate.spring.Inject;
 *
 * &#64;Inject.SharedDict("orders")
 * private SharedDict<String, Order> orders;
 * }</pre>
 *
 * An object that does not exist yet is created; one of another type under the same name,
 * or a field or parameter whose type cannot hold the object, fails startup with a message
 * naming both types.
 */
public final class Inject {

	private Inject() {
	}

	/**
	 * Injects the shared dict of this name into a field or parameter of type
	 * {@link java.util.Map}, {@link java.util.concurrent.ConcurrentMap} or
	 * {@link io.sharedstate.dict.SharedDict}.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedDict {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

	}

	/**
	 * Injects the shared list of this name into a field or parameter of type
	 * {@link java.util.List} or {@link io.sharedstate.list.SharedList}.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedList {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

	}

	/**
	 * Injects the shared namespace of this name.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedNamespace {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

	}

	/**
	 * Injects the shared value of this name (created holding {@code null}).
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedValue {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

	}

	/**
	 * Injects the shared counter of this name.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedCounter {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

	}

	/**
	 * Injects the shared lock of this name into a field or parameter of type
	 * {@link java.util.concurrent.locks.Lock} or {@link io.sharedstate.lock.SharedLock}.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedLock {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

		/**
		 * Whether the lock is reentrant (an {@code rlock}).
		 * @return whether reentrant
		 */
		boolean reentrant() default false;

	}

	/**
	 * Injects the shared semaphore of this name.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedSemaphore {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

		/**
		 * The permits it starts with, when it is created.
		 * @return the permits
		 */
		int permits() default 1;

		/**
		 * Whether releases above the initial permits are refused.
		 * @return whether bounded
		 */
		boolean bounded() default false;

	}

	/**
	 * Injects the shared condition of this name, bound to a shared lock.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedCondition {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

		/**
		 * The name of the lock the condition belongs to.
		 * @return the lock's name
		 */
		String lock();

		/**
		 * Whether that lock is reentrant.
		 * @return whether reentrant
		 */
		boolean reentrant() default false;

	}

	/**
	 * Injects the shared event of this name.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedEvent {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

	}

	/**
	 * Injects the shared barrier of this name.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedBarrier {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

		/**
		 * How many parties must arrive.
		 * @return the parties
		 */
		int parties();

	}

	/**
	 * Injects the shared queue of this name into a field or parameter of type
	 * {@link java.util.concurrent.BlockingQueue}, {@link java.util.Queue} or
	 * {@link io.sharedstate.queue.SharedQueue}.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedQueue {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

		/**
		 * The most items it holds, 0 for no limit; used when it is created.
		 * @return the maxsize
		 */
		int maxsize() default 0;

	}

	/**
	 * Injects the shared joinable queue of this name.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedJoinableQueue {

		/**
		 * The shared object's name.
		 * @return the name
		 */
		String value();

		/**
		 * The most items it holds, 0 for no limit; used when it is created.
		 * @return the maxsize
		 */
		int maxsize() default 0;

	}

	/**
	 * Injects a proxy to the custom shared object of this name and type id; the field or
	 * parameter's type is the registered interface.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedCustom {

		/**
		 * The object's name.
		 * @return the name
		 */
		String value();

		/**
		 * The registered type id.
		 * @return the type id
		 */
		String type();

	}

	/**
	 * Injects the same-host shared memory block of this name, or the
	 * {@link io.sharedstate.memory.ShareableList}, {@link io.sharedstate.memory.Array} or
	 * {@link io.sharedstate.memory.Value} it holds, into a field or parameter of that
	 * type; see docs/shared-memory.md.
	 */
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface SharedMemoryBlock {

		/**
		 * The block's name.
		 * @return the name
		 */
		String value();

	}

}
