package io.sharedstate.process;

import java.util.BitSet;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.SharedState;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.value.SharedCounter;

/**
 * The programs child JVMs run in the tests of locks, barriers and queues across
 * processes. Each takes the manager's {@code host:port} and the name of the objects it
 * uses, prints {@code key=value} lines (and marker lines the parent waits for), and exits
 * 0 on success.
 */
final class PrimitiveChildMains {

	/** How long a child waits for anything before it gives up and reports it. */
	static final long PATIENCE_SECONDS = 60;

	private PrimitiveChildMains() {
	}

	/**
	 * Increments the entry {@code n} of the dict {@code <name>.dict} under the lock
	 * {@code <name>.lock}, reading and writing it with a plain get and put. Args:
	 * host:port, name, count.
	 */
	static final class LockedIncrements {

		public static void main(String[] args) {
			int count = Integer.parseInt(args[2]);
			try (SharedState manager = Children.connect(args[0])) {
				SharedLock lock = manager.lock(args[1] + ".lock");
				SharedDict<String, Long> dict = manager.dict(args[1] + ".dict");
				for (int i = 0; i < count; i++) {
					lock.lock();
					try {
						dict.put("n", dict.get("n") + 1);
					}
					finally {
						lock.unlock();
					}
				}
			}
			System.out.println("incremented=" + count);
		}

	}

	/**
	 * Takes the lock {@code <name>.lock}, says so, and holds it until killed. Args:
	 * host:port, name.
	 */
	static final class HoldLockUntilKilled {

		public static void main(String[] args) throws InterruptedException {
			SharedState manager = Children.connect(args[0]);
			manager.lock(args[1] + ".lock").lock();
			System.out.println("LOCKED");
			Thread.sleep(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
		}

	}

	/**
	 * Acquires permits of the bounded semaphore {@code <name>.semaphore}, says so, and
	 * holds them until killed. Args: host:port, name, initial permits, permits to take.
	 */
	static final class HoldPermitsUntilKilled {

		public static void main(String[] args) throws InterruptedException {
			SharedState manager = Children.connect(args[0]);
			manager.boundedSemaphore(args[1] + ".semaphore", Integer.parseInt(args[2]))
				.acquire(Integer.parseInt(args[3]));
			System.out.println("ACQUIRED");
			Thread.sleep(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
		}

	}

	/**
	 * Waits at a barrier and reports how that ended: {@code outcome=index N},
	 * {@code outcome=broken} or {@code outcome=timeout}. Args: host:port, name, parties.
	 */
	static final class BarrierParty {

		public static void main(String[] args) throws InterruptedException {
			try (SharedState manager = Children.connect(args[0])) {
				SharedBarrier barrier = manager.barrier(args[1], Integer.parseInt(args[2]));
				System.out.println("ARRIVING");
				String outcome;
				try {
					outcome = "index " + barrier.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
				}
				catch (BrokenBarrierException ex) {
					outcome = "broken";
				}
				catch (TimeoutException ex) {
					outcome = "timeout";
				}
				System.out.println("outcome=" + outcome);
			}
		}

	}

	/** Says it takes, and takes an item from a queue. Args: host:port, name. */
	static final class Taker {

		public static void main(String[] args) throws InterruptedException {
			try (SharedState manager = Children.connect(args[0])) {
				SharedQueue<Integer> queue = manager.queue(args[1], 0);
				System.out.println("TAKING");
				System.out.println("took=" + queue.take());
			}
		}

	}

	/**
	 * Puts the numbers from 0 up to a count into a queue. Args: host:port, name, count.
	 */
	static final class Producer {

		public static void main(String[] args) throws InterruptedException {
			int count = Integer.parseInt(args[2]);
			try (SharedState manager = Children.connect(args[0])) {
				SharedQueue<Integer> queue = manager.queue(args[1], 0);
				for (int i = 0; i < count; i++) {
					queue.put(i);
				}
			}
			System.out.println("produced=" + count);
		}

	}

	/**
	 * Takes a count of numbers from a queue and reports how many it got, how many were
	 * distinct and how many came twice. Args: host:port, name, count.
	 */
	static final class Consumer {

		public static void main(String[] args) throws InterruptedException {
			int count = Integer.parseInt(args[2]);
			BitSet seen = new BitSet(count);
			int consumed = 0;
			int duplicates = 0;
			try (SharedState manager = Children.connect(args[0])) {
				SharedQueue<Integer> queue = manager.queue(args[1], 0);
				System.out.println("TAKING");
				for (int i = 0; i < count; i++) {
					Integer item = queue.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
					if (item == null) {
						break;
					}
					consumed++;
					if (seen.get(item)) {
						duplicates++;
					}
					seen.set(item);
				}
			}
			System.out.println("consumed=" + consumed);
			System.out.println("distinct=" + seen.cardinality());
			System.out.println("duplicates=" + duplicates);
		}

	}

	/**
	 * Takes items from a joinable queue until it takes {@code STOP}; counts each item in
	 * the counter {@code <name>.done}, then marks it done. Args: host:port, name.
	 */
	static final class JoinableWorker {

		public static void main(String[] args) throws InterruptedException {
			int done = 0;
			try (SharedState manager = Children.connect(args[0])) {
				SharedJoinableQueue<String> queue = manager.joinableQueue(args[1], 0);
				SharedCounter finished = manager.counter(args[1] + ".done");
				while (true) {
					String item = queue.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
					if (item == null || item.equals("STOP")) {
						if (item != null) {
							queue.taskDone();
						}
						break;
					}
					Thread.sleep(2); // a task takes a little time
					finished.incrementAndGet();
					done++;
					queue.taskDone();
				}
			}
			System.out.println("done=" + done);
		}

	}

}
