package io.sharedstate.pool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import io.sharedstate.function.SerializableCallable;
import io.sharedstate.function.SerializableRunnable;

/**
 * A named pool of worker processes, like Python's {@code multiprocessing.Pool}: an
 * {@link ExecutorService} whose tasks run in other JVMs connected to the same manager, so
 * that a task uses shared objects by name ({@code PoolWorker.manager().dict("d")}) or
 * through the proxies it captured. Created by {@code manager.pool(name, processes)}; any
 * process can add workers with {@code manager.joinPool(name)}.
 *
 * <p>
 * <b>Tasks</b> are serializable lambdas or classes: pass a lambda directly and the
 * compiler makes it serializable ({@link SerializableCallable},
 * {@link SerializableRunnable}, {@link TaskFunction}); what it captures travels by Java
 * serialization (shared objects as live references). Its class must be on the workers'
 * classpath; when it is not, the task fails with
 * {@link io.sharedstate.api.MissingClassException} naming the class. A task that cannot
 * be serialized is refused at once with {@link IllegalArgumentException}.
 *
 * <p>
 * <b>Outcomes.</b> A task's own exception fails its future with an
 * {@link java.util.concurrent.ExecutionException} whose cause is that exception, with the
 * worker's stack trace. A worker that dies while running a task (killed, crashed, lost)
 * is replaced, and the task is run again on another worker, at most once more, then fails
 * with {@link WorkerDiedException}: tasks run <em>at least once</em> and at most twice,
 * so make them safe to repeat. A task that runs longer than
 * {@link PoolOptions#taskTimeout()} fails with {@link TaskTimeoutException} and its
 * worker is stopped. Cancelling a future removes a queued task; a running one runs to its
 * end and its result is dropped.
 *
 * <p>
 * <b>Lifecycle.</b> Tasks queue in the creating process until a worker has room: each
 * worker runs one task at a time, and holds at most one more, sent while the first runs.
 * {@link #shutdown()} lets queued and running tasks finish, then stops the workers;
 * {@link #shutdownNow()} kills them. {@link #close()} shuts down and waits, as
 * {@code ExecutorService.close()} does in newer JDKs (Python's {@code with Pool()}
 * terminates instead: use {@link #shutdownNow()} for that). No worker outlives its pool,
 * nor the process that created it: a worker JVM the pool started exits at once when that
 * process dies, even when killed with {@code kill -9}; a joined worker leaves once the
 * manager has noticed the creator is gone.
 *
 * <p>
 * All methods are thread-safe and are called in the process that created the pool.
 */
public interface SharedPool extends ExecutorService, AutoCloseable {

	/**
	 * Returns the pool's name.
	 * @return the name, unique per manager
	 */
	String name();

	/**
	 * Submits a task that returns a result.
	 * @param <T> the result type
	 * @param task the task
	 * @return its future
	 * @throws IllegalArgumentException if the task cannot be serialized
	 * @throws RejectedExecutionException if the pool is shut down
	 */
	<T> CompletableFuture<T> submit(SerializableCallable<T> task);

	/**
	 * Submits a task without a result.
	 * @param task the task
	 * @return its future, completed with {@code null}
	 * @throws IllegalArgumentException if the task cannot be serialized
	 * @throws RejectedExecutionException if the pool is shut down
	 */
	CompletableFuture<?> submit(SerializableRunnable task);

	/**
	 * Runs a task without a result.
	 * @param task the task
	 * @throws IllegalArgumentException if the task cannot be serialized
	 * @throws RejectedExecutionException if the pool is shut down
	 */
	void execute(SerializableRunnable task);

	/**
	 * Runs a task on a worker and waits for its result, like Python's {@code apply}.
	 * @param <T> the result type
	 * @param task the task
	 * @return its result
	 * @throws TaskFailedException if it failed; the cause says why
	 * @throws InterruptedException if interrupted while waiting (the task goes on)
	 */
	<T> T apply(SerializableCallable<T> task) throws InterruptedException;

	/**
	 * Submits a task, like Python's {@code apply_async}; the same as
	 * {@link #submit(SerializableCallable)}.
	 * @param <T> the result type
	 * @param task the task
	 * @return its future
	 */
	<T> CompletableFuture<T> applyAsync(SerializableCallable<T> task);

	/**
	 * Applies a function to every item on the workers and waits for the results, in the
	 * order of the items, like Python's {@code map}. Items are sent in chunks, as Python
	 * does: about four chunks per worker.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param function the function
	 * @param items the items; each is serialized with its chunk
	 * @return the results
	 * @throws TaskFailedException if the function failed on an item (the first chunk to
	 * fail); the cause says why
	 * @throws InterruptedException if interrupted while waiting
	 */
	<T, R> List<R> map(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items)
			throws InterruptedException;

	/**
	 * Applies a function to every item, in chunks of a given size, and waits for the
	 * results in order.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param function the function
	 * @param items the items
	 * @param chunkSize how many items one task carries
	 * @return the results
	 * @throws TaskFailedException if the function failed on an item
	 * @throws InterruptedException if interrupted while waiting
	 */
	<T, R> List<R> map(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items, int chunkSize)
			throws InterruptedException;

	/**
	 * Applies a function to every item without waiting, like Python's {@code map_async}.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param function the function
	 * @param items the items
	 * @return the future of the results, in order; it fails as soon as a chunk fails
	 */
	<T, R> CompletableFuture<List<R>> mapAsync(TaskFunction<? super T, ? extends R> function,
			Iterable<? extends T> items);

	/**
	 * Applies a function to every item, one task per item, and returns the results as
	 * they finish, like Python's {@code imap_unordered}. The stream blocks while the next
	 * result is not there.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param function the function
	 * @param items the items
	 * @return the results, in the order they finished; the stream throws
	 * {@link TaskFailedException} where a failed task would be
	 */
	<T, R> Stream<R> mapUnordered(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items);

	/**
	 * Applies a function to every item in chunks, returning each chunk's results as it
	 * finishes.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param function the function
	 * @param items the items
	 * @param chunkSize how many items one task carries
	 * @return the results, chunk by chunk in the order chunks finished
	 */
	<T, R> Stream<R> mapUnordered(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items,
			int chunkSize);

	/**
	 * Applies a two-argument function to every pair and waits for the results in order,
	 * like Python's {@code starmap} (for more arguments, pass a record as one item to
	 * {@link #map}).
	 * @param <A> the first argument type
	 * @param <B> the second argument type
	 * @param <R> the result type
	 * @param function the function
	 * @param arguments the argument pairs, such as {@code Map.entry(a, b)} or a map's
	 * entries
	 * @return the results
	 * @throws TaskFailedException if the function failed on a pair
	 * @throws InterruptedException if interrupted while waiting
	 */
	<A, B, R> List<R> starmap(TaskBiFunction<? super A, ? super B, ? extends R> function,
			Iterable<? extends Map.Entry<? extends A, ? extends B>> arguments) throws InterruptedException;

	/**
	 * Applies a two-argument function to every pair without waiting, like Python's
	 * {@code starmap_async}.
	 * @param <A> the first argument type
	 * @param <B> the second argument type
	 * @param <R> the result type
	 * @param function the function
	 * @param arguments the argument pairs
	 * @return the future of the results, in order
	 */
	<A, B, R> CompletableFuture<List<R>> starmapAsync(TaskBiFunction<? super A, ? super B, ? extends R> function,
			Iterable<? extends Map.Entry<? extends A, ? extends B>> arguments);

	/**
	 * Submits a task. A plain {@link Callable} is accepted only when the object is
	 * serializable; pass a lambda directly and {@link #submit(SerializableCallable)} is
	 * chosen.
	 * @throws IllegalArgumentException if the task cannot be serialized
	 */
	@Override
	<T> CompletableFuture<T> submit(Callable<T> task);

	/**
	 * Waits until a number of workers are ready to take tasks (started and initialized).
	 * @param count how many
	 * @param timeout how long to wait
	 * @return whether they were ready in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitWorkers(int count, Duration timeout) throws InterruptedException;

	/**
	 * Describes the pool now: its workers, queued and running tasks.
	 * @return the description
	 */
	PoolInfo info();

	/**
	 * Sets who hears about finished tasks, for metrics.
	 * @param observer the observer
	 */
	void observe(PoolObserver observer);

	/**
	 * Shuts the pool down and waits until every submitted task has finished and every
	 * worker has left; if interrupted while waiting, stops at once as
	 * {@link #shutdownNow()} does.
	 */
	@Override
	void close();

}
