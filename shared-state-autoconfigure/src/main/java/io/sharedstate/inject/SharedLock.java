package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
