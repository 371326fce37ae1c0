package io.sharedstate.pool;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

/**
 * The state of a pool in its creator, and every decision about it: which worker runs
 * which task, what happens when a task ends, a worker dies or a task overruns, and when
 * the pool has terminated. It only decides; each event returns the {@link Effects} for
 * the pool to carry out. All methods are synchronized; waiting for a change is done on
 * this object's monitor.
 *
 * <p>
 * The creator knows at every moment which task each worker runs, because it sends every
 * task to one worker's inbox, and only to an idle worker. So a worker's death never loses
 * a task: its task is sent again to another worker, once.
 */
final class Dispatcher {

	/** A task sent to workers that died this many times is not sent again. */
	static final int MAX_ATTEMPTS = 2;

	/** Started workers that exit before they are ready, in a row, that break the pool. */
	static final int MAX_START_FAILURES = 3;

	private enum State {

		RUNNING, SHUTDOWN, TERMINATED

	}

	private final String pool;

	private final int processes;

	private final byte[] initializer;

	private final int maxTasksPerChild;

	private final Deque<TaskRecord> pending = new ArrayDeque<>();

	private final Map<String, Worker> workers = new LinkedHashMap<>();

	private final Deque<Worker> idle = new ArrayDeque<>();

	private State state = State.RUNNING;

	private Throwable broken;

	private int startFailures;

	private long completed;

	private long failed;

	Dispatcher(String pool, int processes, byte[] initializer, int maxTasksPerChild) {
		this.pool = pool;
		this.processes = processes;
		this.initializer = initializer;
		this.maxTasksPerChild = maxTasksPerChild;
	}

	/**
	 * Starts the pool's worker JVMs.
	 * @return the workers to start
	 */
	synchronized Effects start() {
		Effects effects = new Effects();
		for (int slot = 0; slot < this.processes; slot++) {
			effects.starts.add(register(new Worker("c" + slot, false, 0)));
		}
		return effects;
	}

	/**
	 * Queues a task.
	 * @param task the task
	 * @return what to do
	 * @throws RejectedExecutionException if the pool is shut down
	 */
	synchronized Effects submit(TaskRecord task) {
		if (this.state != State.RUNNING) {
			throw new RejectedExecutionException(
					"Pool '" + this.pool + "' is " + describeState() + " and takes no new tasks", this.broken);
		}
		this.pending.add(task);
		Effects effects = new Effects();
		dispatch(effects);
		return effects;
	}

	/**
	 * A worker said hello.
	 * @param hello what it said
	 * @return what to do: welcome it, or tell it to stop
	 */
	synchronized Effects hello(Message.Hello hello) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(hello.worker());
		if (worker == null && hello.joined() && this.state == State.RUNNING) {
			worker = register(new Worker(hello.worker(), true, 0));
		}
		if (worker == null || worker.leaving) {
			effects.sends.add(new Effects.Send((worker != null) ? worker : new Worker(hello.worker(), true, 0),
					new Message.Stop(), null));
			return effects;
		}
		worker.pid = hello.pid();
		worker.host = hello.host();
		effects.sends.add(new Effects.Send(worker,
				new Message.Welcome(this.initializer, worker.joined ? 0 : this.maxTasksPerChild), null));
		return effects;
	}

	/**
	 * A worker is ready for tasks.
	 * @param id the worker
	 * @return what to do
	 */
	synchronized Effects ready(String id) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(id);
		if (worker != null && !worker.ready && !worker.leaving) {
			worker.ready = true;
			this.startFailures = 0;
			this.idle.add(worker);
			dispatch(effects);
			notifyAll();
		}
		return effects;
	}

	/**
	 * The initializer failed in a worker: the pool is broken, since every worker would
	 * fail the same way.
	 * @param id the worker
	 * @param failure what the initializer threw
	 * @return what to do
	 */
	synchronized Effects initializerFailed(String id, Throwable failure) {
		return breakPool(new PoolBrokenException("The initializer of pool '" + this.pool + "' failed in worker " + id
				+ ": " + failure + "; the pool stopped", failure));
	}

	/**
	 * A worker finished a task.
	 * @param done what it reported
	 * @param value the result, when it succeeded
	 * @param failure why it failed, or {@code null}
	 * @return what to do
	 */
	synchronized Effects done(Message.Done done, Object value, Throwable failure) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(done.worker());
		if (worker == null || worker.task == null || worker.task.id != done.task()) {
			// Late: the task timed out, was cancelled, or was run again elsewhere.
			return effects;
		}
		TaskRecord task = worker.task;
		worker.task = null;
		worker.tasksRun++;
		finish(effects, task, value, failure, done.nanos());
		if (done.retiring()) {
			worker.leaving = true;
		}
		else {
			this.idle.add(worker);
		}
		dispatch(effects);
		return effects;
	}

	/**
	 * A worker is gone: its JVM exited, or the manager released its alive lock.
	 * @param id the worker
	 * @param generation which start of a started worker's slot exited (0 for a joined
	 * worker)
	 * @param exitCode its exit status, or -1 when not known
	 * @return what to do
	 */
	synchronized Effects gone(String id, int generation, int exitCode) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(id);
		if (worker == null || worker.generation != generation) {
			return effects;
		}
		this.workers.remove(id);
		this.idle.remove(worker);
		if (worker.task != null) {
			TaskRecord task = worker.task;
			worker.task = null;
			if (task.attempts >= MAX_ATTEMPTS) {
				finish(effects, task, null,
						new WorkerDiedException("Task " + task.id + " of pool '" + this.pool + "' was running on "
								+ worker.describe() + " when it died, and had been running on a worker "
								+ "that died before: a task is run at most " + MAX_ATTEMPTS + " times"),
						0);
			}
			else {
				this.pending.addFirst(task);
			}
		}
		if (!worker.joined) {
			if (!worker.ready && !worker.leaving && ++this.startFailures >= MAX_START_FAILURES) {
				breakPool(effects,
						new PoolBrokenException(
								"The worker JVMs of pool '" + this.pool + "' exit before " + "they join it ("
										+ MAX_START_FAILURES + " in a row; the last, " + worker.describe()
										+ ", exited with status " + exitCode
										+ "): see their output, and check the pool's JVM " + "options and classpath",
								null));
			}
			else if (this.broken == null && (this.state == State.RUNNING || !this.pending.isEmpty())) {
				effects.starts.add(register(new Worker(worker.id, false, worker.generation + 1)));
			}
		}
		dispatch(effects);
		checkTerminated(effects);
		notifyAll();
		return effects;
	}

	/**
	 * A task's timeout passed.
	 * @param task the task
	 * @param id the worker it was sent to
	 * @param timeout the timeout, for the message
	 * @return what to do: fail it and stop its worker, if it still runs there
	 */
	synchronized Effects timedOut(TaskRecord task, String id, String timeout) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(id);
		if (worker == null || worker.task != task) {
			return effects;
		}
		worker.task = null;
		worker.leaving = true;
		finish(effects, task, null, new TaskTimeoutException("Task " + task.id + " of pool '" + this.pool
				+ "' ran longer than its timeout of " + timeout + " on " + worker.describe() + ", which was stopped"),
				0);
		effects.stops.add(worker);
		return effects;
	}

	/**
	 * Sending to a worker failed: it is stopped, and a task sent with the message goes
	 * back to the head of the queue (it may have arrived: it then runs twice).
	 * @param send what could not be sent
	 * @return what to do
	 */
	synchronized Effects sendFailed(Effects.Send send) {
		Effects effects = new Effects();
		Worker worker = send.worker();
		if (send.task() != null && worker.task == send.task()) {
			worker.task = null;
			send.task().attempts--;
			this.pending.addFirst(send.task());
		}
		if (this.workers.get(worker.id) == worker && !worker.leaving) {
			worker.leaving = true;
			this.idle.remove(worker);
			effects.stops.add(worker);
		}
		return effects;
	}

	/**
	 * Stops taking tasks; queued and running ones finish, then workers are told to stop.
	 * @return what to do
	 */
	synchronized Effects shutdown() {
		Effects effects = new Effects();
		if (this.state == State.RUNNING) {
			this.state = State.SHUTDOWN;
		}
		dispatch(effects);
		checkTerminated(effects);
		notifyAll();
		return effects;
	}

	/**
	 * Stops at once: queued tasks are handed back, running ones fail with
	 * {@link CancellationException}, workers are stopped.
	 * @param drained receives the queued tasks that never started
	 * @return what to do
	 */
	synchronized Effects shutdownNow(List<TaskRecord> drained) {
		Effects effects = new Effects();
		if (this.state == State.RUNNING) {
			this.state = State.SHUTDOWN;
		}
		for (TaskRecord task : this.pending) {
			if (!task.future.isDone()) {
				drained.add(task);
			}
		}
		this.pending.clear();
		stopAll(effects, () -> new CancellationException("Pool '" + this.pool + "' was shut down now"));
		checkTerminated(effects);
		notifyAll();
		return effects;
	}

	/**
	 * The pool cannot go on (it lost its manager, or cannot start workers).
	 * @param cause why
	 * @return what to do
	 */
	synchronized Effects breakPool(Throwable cause) {
		Effects effects = new Effects();
		breakPool(effects, cause);
		return effects;
	}

	synchronized boolean isShutdown() {
		return this.state != State.RUNNING;
	}

	synchronized boolean isTerminated() {
		return this.state == State.TERMINATED;
	}

	synchronized int readyWorkers() {
		int ready = 0;
		for (Worker worker : this.workers.values()) {
			if (worker.ready && !worker.leaving) {
				ready++;
			}
		}
		return ready;
	}

	synchronized boolean isWorker(String id) {
		return this.workers.containsKey(id);
	}

	synchronized PoolInfo info() {
		List<WorkerInfo> described = new ArrayList<>();
		int running = 0;
		for (Worker worker : this.workers.values()) {
			TaskRecord task = worker.task;
			running += (task != null) ? 1 : 0;
			described.add(new WorkerInfo(worker.id, worker.pid, worker.host, worker.joined, worker.ready,
					(task != null) ? task.id : -1, (task != null) ? task.started : null, worker.tasksRun));
		}
		return new PoolInfo(this.pool, describeState(), this.processes, described, this.pending.size(), running,
				this.completed, this.failed);
	}

	private Worker register(Worker worker) {
		this.workers.put(worker.id, worker);
		return worker;
	}

	private void dispatch(Effects effects) {
		while (!this.idle.isEmpty() && !this.pending.isEmpty()) {
			TaskRecord task = this.pending.poll();
			if (task.future.isDone()) {
				continue; // cancelled while queued
			}
			Worker worker = this.idle.poll();
			worker.task = task;
			task.attempts++;
			task.started = Instant.now();
			effects.sends.add(new Effects.Send(worker, new Message.Run(task.id, task.payload), task));
		}
		if (this.state == State.SHUTDOWN && this.pending.isEmpty()) {
			for (Worker worker : this.idle) {
				worker.leaving = true;
				effects.sends.add(new Effects.Send(worker, new Message.Stop(), null));
			}
			this.idle.clear();
		}
	}

	private void finish(Effects effects, TaskRecord task, Object value, Throwable failure, long nanos) {
		if (failure == null) {
			this.completed++;
		}
		else {
			this.failed++;
		}
		effects.outcomes.add(new Effects.Outcome(task, value, failure, nanos));
	}

	private void breakPool(Effects effects, Throwable cause) {
		if (this.state == State.TERMINATED || this.broken != null) {
			return;
		}
		this.broken = cause;
		this.state = State.SHUTDOWN;
		for (TaskRecord task : this.pending) {
			finish(effects, task, null, cause, 0);
		}
		this.pending.clear();
		stopAll(effects, () -> cause);
		checkTerminated(effects);
		notifyAll();
	}

	private void stopAll(Effects effects, java.util.function.Supplier<Throwable> failure) {
		for (Worker worker : this.workers.values()) {
			if (worker.task != null) {
				finish(effects, worker.task, null, failure.get(), 0);
				worker.task = null;
			}
			worker.leaving = true;
			effects.stops.add(worker);
		}
		this.idle.clear();
	}

	private void checkTerminated(Effects effects) {
		if (this.state == State.SHUTDOWN && this.workers.isEmpty() && this.pending.isEmpty()) {
			this.state = State.TERMINATED;
			effects.terminated = true;
		}
	}

	private String describeState() {
		if (this.state == State.TERMINATED) {
			return "terminated";
		}
		if (this.broken != null) {
			return "broken";
		}
		return (this.state == State.RUNNING) ? "running" : "shutdown";
	}

	/**
	 * A worker as the dispatcher knows it. Guarded by the dispatcher.
	 */
	static final class Worker {

		final String id;

		final boolean joined;

		/** Which start of a started worker's slot this is. */
		final int generation;

		long pid = -1;

		String host = "";

		boolean ready;

		/** Told to stop, stopping, or leaving by itself: takes no more tasks. */
		boolean leaving;

		TaskRecord task;

		long tasksRun;

		Worker(String id, boolean joined, int generation) {
			this.id = id;
			this.joined = joined;
			this.generation = generation;
		}

		String describe() {
			return "worker " + this.id + ((this.pid >= 0) ? " (pid " + this.pid + " on " + this.host + ")" : "");
		}

	}

}
