package io.sharedstate.lock;

/**
 * A thread released (or relied on) a lock that had been taken from it: its process was
 * out of touch with the manager for longer than the grace period (paused, partitioned, or
 * the manager restarted), so the manager ended its session, released the lock and may
 * have granted it to another process. What the lock protected may have been changed by
 * that holder; writes made through {@link SharedLock#fenced} views are refused instead of
 * landing beside the new holder's.
 */
public class LockLostException extends IllegalMonitorStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what was lost
	 */
	public LockLostException(String message) {
		super(message);
	}

	/**
	 * Creates the exception for a lock.
	 * @param lock the lock's name
	 * @return the exception
	 */
	public static LockLostException of(String lock) {
		return new LockLostException("The lock '" + lock + "' was taken from this thread: this process was out of "
				+ "touch with the manager for longer than the grace period, so its session ended and the lock may "
				+ "have been granted to another process since. Check what it protected; use lock.fenced(...) views "
				+ "for writes that must never land after the lock is lost.");
	}

}
