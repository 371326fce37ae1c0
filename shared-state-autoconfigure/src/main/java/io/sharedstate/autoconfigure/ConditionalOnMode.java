package io.sharedstate.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

import io.sharedstate.autoconfigure.SharedStateProperties.Mode;

/**
 * Matches when {@code shared-state.mode} binds to the given mode ({@code embedded} when
 * unset). A value that is no mode fails startup with Boot's failure analysis of the
 * property, listing the modes there are.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnModeCondition.class)
@interface ConditionalOnMode {

	/**
	 * The mode to match.
	 * @return the mode
	 */
	Mode value();

}
