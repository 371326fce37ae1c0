package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
