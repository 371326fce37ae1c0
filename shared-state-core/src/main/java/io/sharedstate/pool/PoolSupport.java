package io.sharedstate.pool;

import io.sharedstate.SharedState;

/**
 * What {@link SharedState#pool(String, PoolOptions)} and
 * {@link SharedState#joinPool(String)} delegate to; use those.
 */
public final class PoolSupport {

	private PoolSupport() {
	}

	/**
	 * Creates a pool and starts its workers.
	 * @param manager the manager the pool lives in
	 * @param name the pool's name
	 * @param options its options
	 * @param endpoint where its workers reach the manager
	 * @return the pool
	 * @throws IllegalStateException if a pool of that name is already running
	 * @throws IllegalArgumentException if the initializer cannot be serialized
	 */
	public static SharedPool create(SharedState manager, String name, PoolOptions options, WorkerEndpoint endpoint) {
		ManagedPool pool;
		try {
			pool = new ManagedPool(manager, name, options, endpoint);
		}
		catch (RuntimeException ex) {
			endpoint.release().run();
			throw ex;
		}
		pool.start();
		return pool;
	}

	/**
	 * Serves a pool as a worker on the calling thread.
	 * @param manager the manager the pool lives in
	 * @param name the pool's name
	 * @throws InterruptedException if the calling thread is interrupted
	 * @throws IllegalStateException if no pool of that name is running
	 */
	public static void join(SharedState manager, String name) throws InterruptedException {
		JoinedWorker.join(manager, name, false);
	}

}
