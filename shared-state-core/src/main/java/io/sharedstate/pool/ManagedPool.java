package io.sharedstate.pool;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.sharedstate.SharedState;
import io.sharedstate.function.SerializableCallable;
import io.sharedstate.function.SerializableRunnable;

/**
 * A pool as its creating process uses it: turns calls into tasks for its
 * {@link PoolControl}, and futures of tasks into the results the calls return.
 */
final class ManagedPool implements SharedPool {

	private final PoolNames names;

	private final PoolOptions options;

	private final PoolControl control;

	private final AtomicLong taskIds = new AtomicLong();

	ManagedPool(SharedState manager, String name, PoolOptions options, WorkerEndpoint endpoint) {
		this.names = new PoolNames(name);
		this.options = options;
		this.control = new PoolControl(manager, this.names, options, endpoint);
	}

	/**
	 * Claims the pool's name and starts its workers.
	 * @throws IllegalStateException if a pool of this name is already running
	 */
	void start() {
		this.control.start();
	}

	@Override
	public String name() {
		return this.names.pool();
	}

	@Override
	public <T> CompletableFuture<T> submit(SerializableCallable<T> task) {
		return enqueue(new PoolTask.Call(task));
	}

	@Override
	public <T> CompletableFuture<T> submit(Callable<T> task) {
		return enqueue(new PoolTask.Call(serializable(task)));
	}

	@Override
	public CompletableFuture<?> submit(SerializableRunnable task) {
		return enqueue(new PoolTask.Run(task));
	}

	@Override
	public CompletableFuture<?> submit(Runnable task) {
		return enqueue(new PoolTask.Run(serializable(task)));
	}

	@Override
	public <T> CompletableFuture<T> submit(Runnable task, T result) {
		return this.<Object>enqueue(new PoolTask.Run(serializable(task))).thenApply((ignored) -> result);
	}

	@Override
	public void execute(SerializableRunnable task) {
		enqueue(new PoolTask.Run(task));
	}

	@Override
	public void execute(Runnable task) {
		enqueue(new PoolTask.Run(serializable(task)));
	}

	@Override
	public <T> T apply(SerializableCallable<T> task) throws InterruptedException {
		return await(submit(task));
	}

	@Override
	public <T> CompletableFuture<T> applyAsync(SerializableCallable<T> task) {
		return submit(task);
	}

	@Override
	public <T, R> List<R> map(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items)
			throws InterruptedException {
		return await(mapAsync(function, items));
	}

	@Override
	public <T, R> List<R> map(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items, int chunkSize)
			throws InterruptedException {
		List<Object> all = Chunks.list(items);
		return await(Chunks.inOrder(mapChunks(function, all, chunkSize)));
	}

	@Override
	public <T, R> CompletableFuture<List<R>> mapAsync(TaskFunction<? super T, ? extends R> function,
			Iterable<? extends T> items) {
		List<Object> all = Chunks.list(items);
		return Chunks.inOrder(mapChunks(function, all, Chunks.defaultSize(all.size(), workersForChunks())));
	}

	@Override
	public <T, R> Stream<R> mapUnordered(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items) {
		return mapUnordered(function, items, 1);
	}

	@Override
	public <T, R> Stream<R> mapUnordered(TaskFunction<? super T, ? extends R> function, Iterable<? extends T> items,
			int chunkSize) {
		return Chunks.asCompleted(mapChunks(function, Chunks.list(items), chunkSize));
	}

	@Override
	public <A, B, R> List<R> starmap(TaskBiFunction<? super A, ? super B, ? extends R> function,
			Iterable<? extends Map.Entry<? extends A, ? extends B>> arguments) throws InterruptedException {
		return await(starmapAsync(function, arguments));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <A, B, R> CompletableFuture<List<R>> starmapAsync(TaskBiFunction<? super A, ? super B, ? extends R> function,
			Iterable<? extends Map.Entry<? extends A, ? extends B>> arguments) {
		ArrayList<Object> firsts = new ArrayList<>();
		ArrayList<Object> seconds = new ArrayList<>();
		for (Map.Entry<? extends A, ? extends B> pair : arguments) {
			firsts.add(pair.getKey());
			seconds.add(pair.getValue());
		}
		int size = Chunks.defaultSize(firsts.size(), workersForChunks());
		List<CompletableFuture<List<R>>> chunks = new ArrayList<>();
		for (int from = 0; from < firsts.size(); from += size) {
			int to = Math.min(firsts.size(), from + size);
			chunks.add(enqueue(new PoolTask.StarmapChunk((TaskBiFunction) function, firsts.subList(from, to),
					seconds.subList(from, to))));
		}
		return Chunks.inOrder(chunks);
	}

	@Override
	public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
		List<Future<T>> futures = new ArrayList<>();
		try {
			for (Callable<T> task : tasks) {
				futures.add(submit(task));
			}
			for (Future<T> future : futures) {
				awaitQuietly(future, Long.MAX_VALUE);
			}
			return futures;
		}
		catch (InterruptedException | RuntimeException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw ex;
		}
	}

	@Override
	public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
			throws InterruptedException {
		long deadline = System.nanoTime() + unit.toNanos(timeout);
		List<Future<T>> futures = new ArrayList<>();
		try {
			for (Callable<T> task : tasks) {
				futures.add(submit(task));
			}
			for (Future<T> future : futures) {
				awaitQuietly(future, deadline);
			}
		}
		catch (InterruptedException | RuntimeException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw ex;
		}
		futures.forEach((future) -> future.cancel(true));
		return futures;
	}

	@Override
	public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
		try {
			return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Cannot happen without a timeout", ex);
		}
	}

	@Override
	public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
			throws InterruptedException, ExecutionException, TimeoutException {
		if (tasks.isEmpty()) {
			throw new IllegalArgumentException("invokeAny needs at least one task");
		}
		CompletableFuture<T> first = new CompletableFuture<>();
		AtomicInteger left = new AtomicInteger(tasks.size());
		List<CompletableFuture<T>> futures = new ArrayList<>();
		try {
			for (Callable<T> task : tasks) {
				CompletableFuture<T> future = submit(task);
				futures.add(future);
				future.whenComplete((value, failure) -> {
					if (failure == null) {
						first.complete(value);
					}
					else if (left.decrementAndGet() == 0) {
						first.completeExceptionally(Chunks.unwrap(failure));
					}
				});
			}
			return (timeout == Long.MAX_VALUE) ? first.get() : first.get(timeout, unit);
		}
		finally {
			futures.forEach((future) -> future.cancel(true));
		}
	}

	@Override
	public boolean awaitWorkers(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Dispatcher dispatcher = this.control.dispatcher();
		synchronized (dispatcher) {
			while (dispatcher.readyWorkers() < count) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0 || dispatcher.isShutdown()) {
					return dispatcher.readyWorkers() >= count;
				}
				dispatcher.wait(left);
			}
			return true;
		}
	}

	@Override
	public PoolInfo info() {
		return this.control.dispatcher().info();
	}

	@Override
	public void observe(PoolObserver observer) {
		this.control.observe(observer);
	}

	@Override
	public void shutdown() {
		this.control.shutdown();
	}

	@Override
	public List<Runnable> shutdownNow() {
		List<TaskRecord> drained = new ArrayList<>();
		this.control.shutdownNow(drained);
		return drained.stream().map(TaskRecord::runHere).toList();
	}

	@Override
	public boolean isShutdown() {
		return this.control.dispatcher().isShutdown();
	}

	@Override
	public boolean isTerminated() {
		return this.control.isTerminated();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.control.awaitTermination(timeout, unit);
	}

	@Override
	public void close() {
		shutdown();
		boolean interrupted = false;
		while (!isTerminated()) {
			try {
				awaitTermination(1, TimeUnit.DAYS);
			}
			catch (InterruptedException ex) {
				if (!interrupted) {
					interrupted = true;
					shutdownNow();
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "SharedPool[" + this.names.pool() + "]";
	}

	private <T> CompletableFuture<T> enqueue(PoolTask task) {
		TaskRecord record = new TaskRecord(this.taskIds.incrementAndGet(), task, TaskCodec.encode(task));
		this.control.submit(record);
		@SuppressWarnings("unchecked")
		CompletableFuture<T> future = (CompletableFuture<T>) record.future;
		return future;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private <R> List<CompletableFuture<List<R>>> mapChunks(TaskFunction<?, ?> function, List<Object> items,
			int chunkSize) {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("A chunk holds at least one item, not " + chunkSize);
		}
		List<CompletableFuture<List<R>>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += chunkSize) {
			List<Object> chunk = items.subList(from, Math.min(items.size(), from + chunkSize));
			chunks.add(enqueue(new PoolTask.MapChunk((TaskFunction) function, chunk)));
		}
		return chunks;
	}

	private int workersForChunks() {
		return Math.max(1, Math.max(this.options.processes(), this.control.dispatcher().readyWorkers()));
	}

	private static <T> T serializable(T task) {
		if (!(task instanceof Serializable)) {
			throw new IllegalArgumentException("A pool's task runs in another process, so it must be serializable, and "
					+ task.getClass().getName() + " is not: pass a lambda directly (the compiler then makes it a "
					+ "SerializableCallable or SerializableRunnable), or implement one of those");
		}
		return task;
	}

	private static <T> T await(CompletableFuture<T> future) throws InterruptedException {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw new TaskFailedException("A task failed: " + ex.getCause(), ex.getCause());
		}
		catch (CancellationException ex) {
			throw new TaskFailedException("A task was cancelled", ex);
		}
	}

	private static void awaitQuietly(Future<?> future, long deadline) throws InterruptedException {
		try {
			if (deadline == Long.MAX_VALUE) {
				future.get();
			}
			else {
				future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (ExecutionException | CancellationException | TimeoutException ex) {
			// the future tells
		}
	}

}
