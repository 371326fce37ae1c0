package io.sharedstate.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the same-host shared memory block of this name into a field or parameter of
 * type {@link io.sharedstate.memory.SharedMemory}, or what the block holds:
 * {@link io.sharedstate.memory.ShareableList}, {@link io.sharedstate.memory.Array} or
 * {@link io.sharedstate.memory.Value}. The block is the one declared under
 * {@code shared-state.memory.blocks.<name>} (created if missing), or an existing one
 * attached to.
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
