package io.sharedstate.pool;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.SharedState;
import io.sharedstate.api.MissingClassException;
import io.sharedstate.queue.SharedQueue;

/**
 * Runs a pool in the process that created it: reads what its workers send and learns when
 * they exit, hands each event to the {@link Dispatcher}, and carries out what it decides:
 * sends tasks, starts timeouts, starts and stops workers, completes futures, and cleans
 * up once the pool has terminated.
 */
final class PoolControl {

	private static final Logger logger = LoggerFactory.getLogger(PoolControl.class);

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

	private final AtomicBoolean cleanedUp = new AtomicBoolean();

	private final CountDownLatch terminated = new CountDownLatch(1);

	private volatile PoolObserver observer = NO_OBSERVER;

	PoolControl(SharedState manager, PoolNames names, PoolOptions options, WorkerEndpoint endpoint) {
		this.manager = manager;
		this.names = names;
		this.options = options;
		this.endpoint = endpoint;
		byte[] initializer = (options.initializer() != null)
				? Payloads.serialize(options.initializer(), "the pool's initializer") : new byte[0];
		this.dispatcher = new Dispatcher(names.pool(), options.processes(), initializer, options.maxTasksPerChild());
		this.children = new ChildWorkers(names, options, endpoint);
		this.locks = new CreatorLocks(manager, names);
		this.reader = new InboxReader(names.pool(), manager.queue(names.owner(), 0), this::handle, this::managerLost);
		this.timer = (options.taskTimeout() != null) ? Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-pool-" + names.pool() + "-timeouts");
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

	Dispatcher dispatcher() {
		return this.dispatcher;
	}

	void submit(TaskRecord task) {
		carryOut(this.dispatcher.submit(task));
	}

	void shutdown() {
		carryOut(this.dispatcher.shutdown());
	}

	void shutdownNow(List<TaskRecord> drained) {
		carryOut(this.dispatcher.shutdownNow(drained));
	}

	void observe(PoolObserver observer) {
		this.observer = (observer != null) ? observer : NO_OBSERVER;
	}

	boolean isTerminated() {
		return this.terminated.getCount() == 0;
	}

	boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.terminated.await(timeout, unit);
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
		// Counted before the caller can see the outcome, so a caller that has it sees it
		// counted.
		try {
			this.observer.taskFinished(this.names.pool(), outcome.nanos(), outcome.failure() == null);
		}
		catch (RuntimeException ex) {
			logger.warn("A pool observer failed: {}", ex.toString());
		}
		if (outcome.failure() != null) {
			outcome.task().future.completeExceptionally(outcome.failure());
		}
		else {
			outcome.task().future.complete(outcome.value());
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
