package io.sharedstate.lock;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which threads of this process hold a lock, with the grant each got and the session
 * generation it was got in. Lets a process re-enter a reentrant lock, refuse an unlock by
 * a non-holder, answer {@code holderDied()} without asking the manager, and tell a hold
 * that its session's end voided.
 */
final class ThreadHolds {

	private final String name;

	private final ConcurrentHashMap<Long, Hold> byThread = new ConcurrentHashMap<>();

	ThreadHolds(String name) {
		this.name = name;
	}

	/**
	 * Counts one more hold for the calling thread if it already holds the lock.
	 * @param epoch the session generation now
	 * @return whether it did (no need to ask the manager)
	 */
	boolean reenter(long epoch) {
		Hold hold = this.byThread.get(Thread.currentThread().getId());
		if (hold == null || hold.epoch != epoch) {
			return false;
		}
		hold.count++;
		return true;
	}

	void granted(long grant, long epoch) {
		this.byThread.put(Thread.currentThread().getId(), new Hold(grant, epoch));
	}

	/**
	 * Gives up one hold of the calling thread.
	 * @param epoch the session generation now
	 * @return the hold if that was its last, to release on the manager; {@code null}
	 * otherwise
	 * @throws LockLostException if the hold was voided by the end of its session
	 * @throws IllegalMonitorStateException if the thread does not hold the lock
	 */
	Hold release(long epoch) {
		long thread = Thread.currentThread().getId();
		Hold hold = this.byThread.get(thread);
		if (hold == null) {
			throw notHeld();
		}
		if (hold.epoch != epoch) {
			this.byThread.remove(thread);
			throw LockLostException.of(this.name);
		}
		if (--hold.count > 0) {
			return null;
		}
		this.byThread.remove(thread);
		return hold;
	}

	/**
	 * Removes every hold of the calling thread, as a condition wait gives them up.
	 * @return how many there were
	 */
	int suspend() {
		Hold hold = this.byThread.remove(Thread.currentThread().getId());
		if (hold == null) {
			throw notHeld();
		}
		return hold.count;
	}

	void resume(long grant, int count, long epoch) {
		Hold hold = new Hold(grant, epoch);
		hold.count = count;
		this.byThread.put(Thread.currentThread().getId(), hold);
	}

	Hold current() {
		return this.byThread.get(Thread.currentThread().getId());
	}

	boolean isHeldByCurrentThread(long epoch) {
		Hold hold = current();
		return hold != null && hold.epoch == epoch;
	}

	boolean holderDied() {
		Hold hold = current();
		if (hold == null) {
			throw notHeld();
		}
		return LockGrants.holderDiedOf(hold.grant);
	}

	IllegalMonitorStateException notHeld() {
		return new IllegalMonitorStateException("The lock '" + this.name + "' is not held by this thread");
	}

	/** One thread's hold. */
	static final class Hold {

		final long grant;

		final long epoch;

		final long grantedAtNanos = System.nanoTime();

		int count = 1;

		Hold(long grant, long epoch) {
			this.grant = grant;
			this.epoch = epoch;
		}

		long fence() {
			return LockGrants.fenceOf(this.grant);
		}

	}

}
