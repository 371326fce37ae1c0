package io.sharedstate.autoconfigure.memory;

import io.sharedstate.SharedState;
import io.sharedstate.spring.Inject.SharedMemoryBlock;
import io.sharedstate.memory.Array;
import io.sharedstate.memory.ShareableList;
import io.sharedstate.memory.SharedMemory;
import io.sharedstate.memory.Value;

/**
 * What {@code @SharedMemoryBlock} injects: the block, or what it holds, chosen by the
 * type of the field or parameter.
 */
public final class SharedMemoryInjection {

	private SharedMemoryInjection() {
	}

	/**
	 * Opens the block an annotation names, as the target's type wants it.
	 * @param annotation the annotation
	 * @param manager the manager whose blocks to use
	 * @param targetType the type of the field or parameter
	 * @param target the field or parameter, for the message
	 * @return the block, list, array or value
	 * @throws IllegalStateException if the target's type is none of those
	 */
	public static Object resolve(SharedMemoryBlock annotation, SharedState manager, Class<?> targetType,
			Object target) {
		if (!(targetType == SharedMemory.class || targetType == ShareableList.class || targetType == Array.class
				|| targetType == Value.class)) {
			throw new IllegalStateException("@SharedMemoryBlock on " + target + " needs a SharedMemory, ShareableList, "
					+ "Array or Value, not a " + targetType.getName());
		}
		SharedMemory block = manager.memory().open(annotation.value());
		if (targetType == ShareableList.class) {
			return ShareableList.of(block);
		}
		if (targetType == Array.class) {
			return Array.of(block);
		}
		return (targetType == Value.class) ? Value.of(block) : block;
	}

}
