package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
