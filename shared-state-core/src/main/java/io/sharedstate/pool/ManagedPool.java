package io.sharedstate.pool;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.SharedState;
import io.sharedstate.api.MissingClassException;
import io.sharedstate.function.SerializableCallable;
import io.sharedstate.function.SerializableRunnable;
import io.sharedstate.queue.SharedQueue;

/**
 * A pool in the process that created it: turns calls into tasks, hands events (workers'
 * messages and exits, timeouts) to the {@link Dispatcher}, and carries out what it
 * decides.
 */
final class ManagedPool implements SharedPool {

	private static final Logger logger = LoggerFactory.getLogger(ManagedPool.class);

	private static final PoolObserver NO_OBSERVER = (pool, nanos, success) -> {
	};

	private final SharedState manager;

	private final PoolNames names;

	private final PoolOptions options;

	private final WorkerEndpoint endpoint;

	private final Dispatcher dispatcher;

	private final ChildWorkers children;

	private final CreatorLocks locks;

	private final InboxReader reader;

	private final ScheduledExecutorService timer;

	private final Map<String, SharedQueue<byte[]>> inboxes = new ConcurrentHashMap<>();

	private final AtomicLong taskIds = new AtomicLong();

	private final AtomicBoolean cleanedUp = new AtomicBoolean();

	private final CountDownLatch terminated = new CountDownLatch(1);

	private volatile PoolObserver observer = NO_OBSERVER;

	ManagedPool(SharedState manager, String name, PoolOptions options, WorkerEndpoint endpoint) {
		this.manager = manager;
		this.names = new PoolNames(name);
		this.options = options;
		this.endpoint = endpoint;
		byte[] initializer = (options.initializer() != null)
				? Payloads.serialize(options.initializer(), "the pool's initializer") : new byte[0];
		this.dispatcher = new Dispatcher(name, options.processes(), initializer, options.maxTasksPerChild());
		this.children = new ChildWorkers(this.names, options, endpoint);
		this.locks = new CreatorLocks(manager, this.names);
		this.reader = new InboxReader(name, manager.queue(this.names.owner(), 0), this::handle, this::managerLost);
		this.timer = (options.taskTimeout() != null) ? Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-pool-" + name + "-timeouts");
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	/**
	 * Claims the pool's name, starts reading its queue and starts its worker JVMs.
	 * @throws IllegalStateException if a pool of this name is already running
	 */
	void start() {
		if (!this.locks.claimPool()) {
			this.locks.close();
			this.endpoint.release().run();
			throw new IllegalStateException("A pool named '" + this.names.pool() + "' is already running on "
					+ this.manager + ": give this one another name, or add workers to that one with joinPool");
		}
		// Left by an earlier pool of this name.
		this.manager.queue(this.names.owner(), 0).clear();
		this.reader.start();
		carryOut(this.dispatcher.start());
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
		synchronized (this.dispatcher) {
			while (this.dispatcher.readyWorkers() < count) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0 || this.dispatcher.isShutdown()) {
					return this.dispatcher.readyWorkers() >= count;
				}
				this.dispatcher.wait(left);
			}
			return true;
		}
	}

	@Override
	public PoolInfo info() {
		return this.dispatcher.info();
	}

	@Override
	public void observe(PoolObserver observer) {
		this.observer = (observer != null) ? observer : NO_OBSERVER;
	}

	@Override
	public void shutdown() {
		carryOut(this.dispatcher.shutdown());
	}

	@Override
	public List<Runnable> shutdownNow() {
		List<TaskRecord> drained = new ArrayList<>();
		carryOut(this.dispatcher.shutdownNow(drained));
		return drained.stream().map(TaskRecord::runHere).toList();
	}

	@Override
	public boolean isShutdown() {
		return this.dispatcher.isShutdown();
	}

	@Override
	public boolean isTerminated() {
		return this.terminated.getCount() == 0;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.terminated.await(timeout, unit);
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
		carryOut(this.dispatcher.submit(record));
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
		return Math.max(1, Math.max(this.options.processes(), this.dispatcher.readyWorkers()));
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

	private void handle(Message message) {
		if (message instanceof Message.Hello hello) {
			welcome(hello);
		}
		else if (message instanceof Message.Ready ready) {
			carryOut(this.dispatcher.ready(ready.worker()));
		}
		else if (message instanceof Message.InitFailed failed) {
			carryOut(this.dispatcher.initializerFailed(failed.worker(),
					TaskError.deserialize(failed.error(), "worker " + failed.worker())));
		}
		else if (message instanceof Message.Done done) {
			finished(done);
		}
		else if (message instanceof Message.Gone gone) {
			carryOut(this.dispatcher.gone(gone));
		}
	}

	/**
	 * Reports a worker's exit through this pool's own queue, behind whatever the worker
	 * sent before it exited, so that its last result is not taken for a death mid-task.
	 */
	private void reportGone(Message.Gone gone) {
		try {
			this.manager.queue(this.names.owner(), 0).offer(Message.encode(gone));
		}
		catch (RuntimeException ex) {
			carryOut(this.dispatcher.gone(gone));
		}
	}

	private void welcome(Message.Hello hello) {
		if (hello.joined() && !this.locks.leash(hello.worker())) {
			send(new Effects.Send(new Dispatcher.Worker(hello.worker(), true, 0), new Message.Stop(), List.of()));
			return;
		}
		Effects effects = this.dispatcher.hello(hello);
		if (hello.joined()) {
			if (this.dispatcher.isWorker(hello.worker())) {
				this.locks.watch(hello.worker(), () -> {
					this.locks.unleash(hello.worker());
					reportGone(new Message.Gone(hello.worker(), 0, -1));
				});
			}
			else {
				this.locks.unleash(hello.worker());
			}
		}
		carryOut(effects);
	}

	private void finished(Message.Done done) {
		Object value = null;
		Throwable failure = null;
		if (done.success()) {
			try {
				value = Payloads.deserializeResult(done.body());
				if (value instanceof ValueList chunk) {
					value = chunk.values();
				}
			}
			catch (ClassNotFoundException ex) {
				failure = new MissingClassException("The result of a task of pool '" + this.names.pool()
						+ "' is of class " + ex.getMessage() + ", which is not on this process's classpath", ex);
			}
			catch (IOException | RuntimeException ex) {
				failure = new MissingClassException("The result of a task of pool '" + this.names.pool()
						+ "' cannot be read here (" + ex + "): give this process the workers' version of its classes",
						ex);
			}
		}
		else {
			failure = TaskError.deserialize(done.body(), "worker " + done.worker());
		}
		carryOut(this.dispatcher.done(done, value, failure));
	}

	private void managerLost(RuntimeException failure) {
		logger.error("Pool '{}' lost its manager: {}", this.names.pool(), failure.toString());
		carryOut(this.dispatcher.breakPool(new PoolBrokenException(
				"Pool '" + this.names.pool() + "' lost its manager (" + failure + ") and stopped", failure)));
	}

	private void carryOut(Effects effects) {
		for (Effects.Outcome outcome : effects.outcomes) {
			complete(outcome);
		}
		for (Effects.Send send : effects.sends) {
			send(send);
		}
		if (this.timer != null) {
			for (Effects.Started started : effects.started) {
				startTimeout(started);
			}
		}
		for (Dispatcher.Worker worker : effects.stops) {
			if (worker.joined) {
				this.locks.unleash(worker.id);
			}
			else {
				this.children.kill(worker);
			}
		}
		for (Dispatcher.Worker worker : effects.starts) {
			startChild(worker);
		}
		if (effects.terminated) {
			cleanUp();
		}
	}

	private void complete(Effects.Outcome outcome) {
		outcome.task().cancelTimeout();
		if (outcome.failure() != null) {
			outcome.task().future.completeExceptionally(outcome.failure());
		}
		else {
			outcome.task().future.complete(outcome.value());
		}
		try {
			this.observer.taskFinished(this.names.pool(), outcome.nanos(), outcome.failure() == null);
		}
		catch (RuntimeException ex) {
			logger.warn("A pool observer failed: {}", ex.toString());
		}
	}

	private void send(Effects.Send send) {
		String worker = send.worker().id;
		try {
			this.inboxes.computeIfAbsent(worker, (id) -> this.manager.queue(this.names.inbox(id), 0))
				.offer(Message.encode(send.message()));
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot send to worker {} of pool '{}': {}", worker, this.names.pool(), ex.toString());
			carryOut(this.dispatcher.sendFailed(send));
			return;
		}
	}

	private void startTimeout(Effects.Started started) {
		Duration timeout = this.options.taskTimeout();
		TaskRecord task = started.task();
		task.cancelTimeout();
		task.timeout = this.timer.schedule(
				() -> carryOut(this.dispatcher.timedOut(task, started.worker(), timeout.toString())), timeout.toNanos(),
				TimeUnit.NANOSECONDS);
	}

	private void startChild(Dispatcher.Worker worker) {
		try {
			this.children.start(worker,
					(exited, code) -> reportGone(new Message.Gone(exited.id, exited.generation, code)));
		}
		catch (IOException | RuntimeException ex) {
			carryOut(this.dispatcher.breakPool(new PoolBrokenException(
					"Cannot start a worker JVM for pool '" + this.names.pool() + "': " + ex, ex)));
			carryOut(this.dispatcher.gone(new Message.Gone(worker.id, worker.generation, -1)));
		}
	}

	private void cleanUp() {
		if (!this.cleanedUp.compareAndSet(false, true)) {
			return;
		}
		this.reader.close();
		this.locks.close();
		this.children.killAll();
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
		this.endpoint.release().run();
		this.terminated.countDown();
	}

}
