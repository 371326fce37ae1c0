package io.sharedstate.pool;

import java.util.stream.Collectors;

import io.sharedstate.SharedState;
import io.sharedstate.process.Children;

/**
 * Mains of child JVMs that create pools, for tests that kill the creator.
 */
final class PoolChildMains {

	private PoolChildMains() {
	}

	/**
	 * Creates an in-process pool of two workers, prints {@code WORKERS pid,pid} once they
	 * are ready, then waits to be killed.
	 */
	static final class InProcessCreator {

		public static void main(String[] args) throws Exception {
			SharedState manager = SharedState.inProcess();
			SharedPool pool = manager.pool("killed-creator", PoolTesting.options(2));
			if (!pool.awaitWorkers(2, PoolTesting.STARTUP)) {
				throw new IllegalStateException("workers not ready: " + pool.info());
			}
			System.out.println("WORKERS "
					+ PoolTesting.workerPids(pool).stream().map(String::valueOf).collect(Collectors.joining(",")));
			Thread.sleep(Long.MAX_VALUE);
		}

	}

	/**
	 * Connects to the manager at {@code args[0]}, creates pool {@code args[1]} without
	 * workers of its own, prints {@code JOINED pid} once a worker joined, then waits to
	 * be killed.
	 */
	static final class ClientCreator {

		public static void main(String[] args) throws Exception {
			SharedState manager = Children.connect(args[0]);
			SharedPool pool = manager.pool(args[1], PoolTesting.options(0));
			System.out.println("CREATED");
			if (!pool.awaitWorkers(1, PoolTesting.STARTUP)) {
				throw new IllegalStateException("no worker joined: " + pool.info());
			}
			System.out.println("JOINED " + PoolTesting.workerPids(pool).get(0));
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
