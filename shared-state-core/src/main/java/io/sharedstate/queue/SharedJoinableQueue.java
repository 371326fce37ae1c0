package io.sharedstate.queue;

import java.util.concurrent.TimeUnit;

/**
 * A shared queue that counts unfinished tasks, like Python's {@code JoinableQueue}: every
 * item put adds a task, every {@link #taskDone()} finishes one, and {@link #join()} waits
 * until all are done.
 *
 * @param <E> the element type
 */
public interface SharedJoinableQueue<E> extends SharedQueue<E> {

	/**
	 * Marks one task, taken from this queue earlier, as finished.
	 * @throws IllegalStateException if called more times than items were put
	 */
	void taskDone();

	/**
	 * Waits until every item put has been marked done.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void join() throws InterruptedException;

	/**
	 * Waits until every item put has been marked done, or the time runs out.
	 * @param timeout the longest wait
	 * @param unit its unit
	 * @return whether all tasks were done
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean join(long timeout, TimeUnit unit) throws InterruptedException;

	/**
	 * Returns how many tasks are not done yet.
	 * @return the count
	 */
	int unfinishedTasks();

}
