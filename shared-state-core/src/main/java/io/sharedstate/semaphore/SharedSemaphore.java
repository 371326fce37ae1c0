package io.sharedstate.semaphore;

import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedObject;

/**
 * A counting semaphore shared between processes, with the methods of
 * {@link java.util.concurrent.Semaphore}. Waiters are served first come, first served (a
 * waiter for many permits holds back later ones); {@code tryAcquire()} without a timeout
 * takes free permits even when others wait.
 *
 * <p>
 * Permits acquired by a process that dies (or stays disconnected longer than the server's
 * grace period) are returned. A <em>bounded</em> semaphore
 * ({@code boundedSemaphore(name, permits)}) refuses to be released above its initial
 * count, like Python's {@code BoundedSemaphore}. Releasing permits of a plain semaphore
 * that this process acquired costs no round trip; other releases, and every release of a
 * bounded semaphore, wait for the server.
 */
public interface SharedSemaphore extends SharedObject {

	/**
	 * Acquires a permit, waiting until one is available.
	 * @throws InterruptedException if interrupted while waiting; no permit is left taken
	 */
	void acquire() throws InterruptedException;

	/**
	 * Acquires permits, waiting until they are all available.
	 * @param permits how many
	 * @throws InterruptedException if interrupted while waiting; no permit is left taken
	 */
	void acquire(int permits) throws InterruptedException;

	/**
	 * Acquires a permit, waiting until one is available and ignoring interrupts (the
	 * interrupt status is kept).
	 */
	void acquireUninterruptibly();

	/**
	 * Acquires a permit if one is available now.
	 * @return whether it was acquired
	 */
	boolean tryAcquire();

	/**
	 * Acquires permits if they are available now.
	 * @param permits how many
	 * @return whether they were acquired
	 */
	boolean tryAcquire(int permits);

	/**
	 * Acquires a permit if one becomes available in time.
	 * @param timeout the longest wait
	 * @param unit its unit
	 * @return whether it was acquired
	 * @throws InterruptedException if interrupted while waiting; no permit is left taken
	 */
	boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException;

	/**
	 * Acquires permits if they become available in time.
	 * @param permits how many
	 * @param timeout the longest wait
	 * @param unit its unit
	 * @return whether they were acquired
	 * @throws InterruptedException if interrupted while waiting; no permit is left taken
	 */
	boolean tryAcquire(int permits, long timeout, TimeUnit unit) throws InterruptedException;

	/**
	 * Releases a permit.
	 * @throws IllegalStateException for a bounded semaphore already at its initial count
	 */
	void release();

	/**
	 * Releases permits.
	 * @param permits how many
	 * @throws IllegalStateException for a bounded semaphore that would go above its
	 * initial count
	 */
	void release(int permits);

	/**
	 * Returns how many permits are available now.
	 * @return the count
	 */
	int availablePermits();

	/**
	 * Takes all available permits.
	 * @return how many were taken
	 */
	int drainPermits();

}
