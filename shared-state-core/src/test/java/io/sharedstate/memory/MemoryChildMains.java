package io.sharedstate.memory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The programs child JVMs run in {@link SharedMemoryAcrossProcessesTests}. Each attaches
 * to blocks named by its arguments, says READY, waits for the gate (a {@code 'q'} value
 * the parent sets to 1) where it races others, prints {@code key=value} lines and exits 0
 * on success.
 */
final class MemoryChildMains {

	/** How long a child waits for anything before it gives up. */
	private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);

	private MemoryChildMains() {
	}

	static void awaitGate(String gateName) {
		RawValue gate = RawValue.attach(gateName, 'q');
		System.out.println("READY");
		long deadline = System.nanoTime() + PATIENCE_NANOS;
		while (gate.get() == 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The gate did not open");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
	}

	/** Adds 1 to a raw {@code 'q'} value, atomically, n times. Args: value, gate, n. */
	static final class RawIncrements {

		public static void main(String[] args) {
			RawValue value = RawValue.attach(args[0], 'q');
			int count = Integer.parseInt(args[2]);
			awaitGate(args[1]);
			for (int i = 0; i < count; i++) {
				value.getAndAdd(1);
			}
			System.out.println("incremented=" + count);
		}

	}

	/**
	 * Adds 1 to every item of a synchronized array under its lock, reading and writing
	 * each item separately, n times. Args: array, gate, n.
	 */
	static final class LockedArrayIncrements {

		public static void main(String[] args) {
			Array array = Array.attach(args[0]);
			int count = Integer.parseInt(args[2]);
			awaitGate(args[1]);
			for (int i = 0; i < count; i++) {
				array.getLock().lock();
				try {
					for (int item = 0; item < array.length(); item++) {
						array.set(item, array.get(item) + 1);
					}
				}
				finally {
					array.getLock().unlock();
				}
			}
			System.out.println("incremented=" + count);
		}

	}

	/** Takes a lock, says LOCKED, and holds it until killed. Args: lock block. */
	static final class HoldLock {

		public static void main(String[] args) {
			MemoryLock lock = MemoryLock.attach(args[0]);
			lock.lock();
			System.out.println("LOCKED");
			LockSupport.parkNanos(PATIENCE_NANOS);
			System.exit(3); // nobody killed it
		}

	}

	/**
	 * Says WAITING, then waits for a lock and reports whether its holder died. Args: lock
	 * block.
	 */
	static final class WaitForLock {

		public static void main(String[] args) throws InterruptedException {
			MemoryLock lock = MemoryLock.attach(args[0]);
			System.out.println("WAITING");
			if (!lock.tryLock(PATIENCE_NANOS, TimeUnit.NANOSECONDS)) {
				System.out.println("acquired=false");
				return;
			}
			try {
				System.out.println("acquired=true");
				System.out.println("holderDied=" + lock.holderDied());
			}
			finally {
				lock.unlock();
			}
		}

	}

}
