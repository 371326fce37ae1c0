package io.sharedstate.model;

/**
 * A state that grants holds under fences (a lock): writes fenced by a hold are applied
 * only while that hold is current, so a holder that lost its hold without knowing it
 * (paused past its session's end) cannot write beside the next holder.
 */
public interface Fence {

	/**
	 * Returns whether a hold is current.
	 * @param owner who got the hold
	 * @param fence the fence of its grant
	 * @return whether the owner still holds under that fence
	 */
	boolean isCurrent(Owner owner, long fence);

	/**
	 * Returns what a write fenced by a hold that is no longer current fails with.
	 * @return the exception
	 */
	RuntimeException lost();

}
