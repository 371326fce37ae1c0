package io.sharedstate.lock;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which threads of this process hold a lock, with the grant each got. Lets a process
 * re-enter a reentrant lock, refuse an unlock by a non-holder, and answer
 * {@code holderDied()} without asking the server.
 */
final class ThreadHolds {

	private final String name;

	private final ConcurrentHashMap<Long, Hold> byThread = new ConcurrentHashMap<>();

	ThreadHolds(String name) {
		this.name = name;
	}

	/**
	 * Counts one more hold for the calling thread if it already holds the lock.
	 * @return whether it did (no need to ask the server)
	 */
	boolean reenter() {
		Hold hold = this.byThread.get(Thread.currentThread().getId());
		if (hold == null) {
			return false;
		}
		hold.count++;
		return true;
	}

	/**
	 * Records a grant the server made to the calling thread.
	 * @param wire the grant as sent by the server
	 */
	void granted(long wire) {
		this.byThread.put(Thread.currentThread().getId(),
				new Hold(LockState.fenceOf(wire), LockState.holderDiedOf(wire)));
	}

	/**
	 * Gives up one hold of the calling thread.
	 * @return the hold when it was the last one (the server must be told), otherwise
	 * {@code null}
	 * @throws IllegalMonitorStateException if the thread does not hold the lock
	 */
	Hold release() {
		long thread = Thread.currentThread().getId();
		Hold hold = this.byThread.get(thread);
		if (hold == null) {
			throw notHeld();
		}
		if (--hold.count > 0) {
			return null;
		}
		this.byThread.remove(thread);
		return hold;
	}

	/**
	 * Sets aside the calling thread's hold while it waits on a condition.
	 * @return how many times the thread had entered the lock
	 * @throws IllegalMonitorStateException if the thread does not hold the lock
	 */
	int suspend() {
		Hold hold = this.byThread.remove(Thread.currentThread().getId());
		if (hold == null) {
			throw notHeld();
		}
		return hold.count;
	}

	/**
	 * Restores the calling thread's hold after a condition wait, with the grant it got
	 * back.
	 * @param wire the new grant as sent by the server
	 * @param count how many times the thread had entered the lock
	 */
	void resume(long wire, int count) {
		Hold hold = new Hold(LockState.fenceOf(wire), LockState.holderDiedOf(wire));
		hold.count = count;
		this.byThread.put(Thread.currentThread().getId(), hold);
	}

	boolean isHeldByCurrentThread() {
		return this.byThread.containsKey(Thread.currentThread().getId());
	}

	boolean holderDied() {
		Hold hold = this.byThread.get(Thread.currentThread().getId());
		if (hold == null) {
			throw notHeld();
		}
		return hold.holderDied;
	}

	IllegalMonitorStateException notHeld() {
		return new IllegalMonitorStateException("The lock '" + this.name + "' is not held by this thread");
	}

	/**
	 * One thread's hold: its grant's fence and how many times it entered. Touched only by
	 * that thread.
	 */
	static final class Hold {

		final long fence;

		final boolean holderDied;

		final long grantedAtNanos = System.nanoTime();

		int count = 1;

		Hold(long fence, boolean holderDied) {
			this.fence = fence;
			this.holderDied = holderDied;
		}

	}

}
