package io.sharedstate.pool;

/**
 * Hears about the tasks of a pool, for metrics. Called in the creating process, on the
 * thread that learnt the outcome; implementations must be quick and must not throw.
 */
public interface PoolObserver {

	/**
	 * A task finished.
	 * @param pool the pool's name
	 * @param nanos how long it ran on its worker (0 when it never reached one)
	 * @param success whether it returned a result
	 */
	void taskFinished(String pool, long nanos, boolean success);

}
