package io.sharedstate.process;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.lock.LockLostException;
import io.sharedstate.lock.SharedLock;

/**
 * The program a child JVM runs to be paused while it holds a lock.
 */
final class FencedLockChildMains {

	private FencedLockChildMains() {
	}

	/**
	 * Takes the lock {@code <name>.lock}, makes a fenced view of the dict
	 * {@code <name>.dict}, says {@code LOCKED} and waits for the event {@code <name>.go}.
	 * When it goes on (paused past its session's end, its wait ends with the lost
	 * connection), it runs its critical section through the view and reports what
	 * happened. Args: host:port, name, increments.
	 */
	static final class PausedHolder {

		public static void main(String[] args) {
			int increments = Integer.parseInt(args[2]);
			try (SharedState manager = Children.connect(args[0])) {
				SharedLock lock = manager.lock(args[1] + ".lock");
				SharedDict<String, Long> dict = manager.dict(args[1] + ".dict");
				lock.lock();
				SharedDict<String, Long> guarded = lock.fenced(dict);
				System.out.println("LOCKED");
				try {
					manager.event(args[1] + ".go").await();
				}
				catch (SharedStateException | InterruptedException ex) {
					System.out.println("wait ended: " + ex.getClass().getSimpleName());
				}
				int refused = 0;
				for (int i = 0; i < increments; i++) {
					try {
						guarded.merge("n", 1L, Long::sum);
					}
					catch (LockLostException ex) {
						refused++;
					}
				}
				System.out.println("refused=" + refused);
				System.out.println("held=" + lock.isHeldByCurrentThread());
				try {
					lock.unlock();
					System.out.println("unlock=returned");
				}
				catch (LockLostException ex) {
					System.out.println("unlock=" + ex.getClass().getSimpleName());
				}
			}
		}

	}

}
