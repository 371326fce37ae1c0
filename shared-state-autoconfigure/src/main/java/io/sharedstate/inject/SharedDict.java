package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
