package io.sharedstate.autoconfigure.pool;

/**
 * A pool initializer named in the tests' properties: records in the worker that it ran.
 */
public class MarkInitialized implements Runnable {

	@Override
	public void run() {
		System.setProperty("pool.initialized", "yes");
	}

}
