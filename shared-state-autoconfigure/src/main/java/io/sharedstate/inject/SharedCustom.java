package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
