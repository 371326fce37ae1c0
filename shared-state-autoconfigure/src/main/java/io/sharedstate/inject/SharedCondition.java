package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
