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
import java.util.function.Supplier;

/**
 * The state of a pool in its creator, and every decision about it: which worker runs
 * which task, what happens when a task ends, a worker dies or a task overruns, and when
 * the pool has terminated. It only decides; each event returns the {@link Effects} for
 * the pool to carry out. All methods are synchronized; waiting for a change is done on
 * this object's monitor.
 *
 * <p>
 * The creator sends every task to one worker's inbox, so it knows at every moment which
 * tasks each worker holds: the one it runs, and at most {@value #TASKS_PER_WORKER} - 1
 * waiting behind it, so that the next starts without waiting for the creator. Workers run
 * their tasks in order and report each before starting the next, and their exits arrive
 * behind their reports (see {@link Message}): so the task a dead worker was running is
 * known, and is run again elsewhere once; the ones behind it never started and are simply
 * given to others.
 */
final class Dispatcher {

	/** The most tasks a worker holds: the one it runs, and the ones behind it. */
	static final int TASKS_PER_WORKER = 2;

	/** A task that was running on workers that died this many times is not run again. */
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
					new Message.Stop(), List.of()));
			return effects;
		}
		worker.pid = hello.pid();
		worker.host = hello.host();
		effects.sends.add(new Effects.Send(worker,
				new Message.Welcome(this.initializer, worker.joined ? 0 : this.maxTasksPerChild), List.of()));
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
		TaskRecord task = (worker != null) ? worker.tasks.peekFirst() : null;
		if (task == null || task.id != done.task()) {
			// Late: the task timed out, was cancelled, or was run again elsewhere.
			return effects;
		}
		worker.tasks.removeFirst();
		worker.tasksRun++;
		finish(effects, task, value, failure, done.nanos());
		if (done.retiring()) {
			worker.leaving = true;
			requeueWaiting(worker);
		}
		else {
			startNext(effects, worker);
		}
		dispatch(effects);
		return effects;
	}

	/**
	 * A worker is gone: its JVM exited, or the manager released its alive lock.
	 * @param gone which worker, and how it exited
	 * @return what to do
	 */
	synchronized Effects gone(Message.Gone gone) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(gone.worker());
		if (worker == null || worker.generation != gone.generation()) {
			return effects;
		}
		this.workers.remove(worker.id);
		TaskRecord running = worker.tasks.peekFirst();
		if (running != null) {
			worker.tasks.removeFirst();
			requeueWaiting(worker);
			if (running.attempts >= MAX_ATTEMPTS) {
				finish(effects, running, null,
						new WorkerDiedException("Task " + running.id + " of pool '" + this.pool + "' was running on "
								+ worker.describe() + " when it died, and had been running on a worker "
								+ "that died before: a task is run at most " + MAX_ATTEMPTS + " times"),
						0);
			}
			else {
				running.started = null;
				this.pending.addFirst(running);
			}
		}
		if (!worker.joined) {
			if (!worker.ready && !worker.leaving && ++this.startFailures >= MAX_START_FAILURES) {
				breakPool(effects,
						new PoolBrokenException(
								"The worker JVMs of pool '" + this.pool + "' exit before " + "they join it ("
										+ MAX_START_FAILURES + " in a row; the last, " + worker.describe()
										+ ", exited with status " + gone.exitCode()
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
	 * @param id the worker it was started on
	 * @param timeout the timeout, for the message
	 * @return what to do: fail it and stop its worker, if it still runs there
	 */
	synchronized Effects timedOut(TaskRecord task, String id, String timeout) {
		Effects effects = new Effects();
		Worker worker = this.workers.get(id);
		if (worker == null || worker.tasks.peekFirst() != task) {
			return effects;
		}
		worker.tasks.removeFirst();
		worker.leaving = true;
		requeueWaiting(worker);
		finish(effects, task, null, new TaskTimeoutException("Task " + task.id + " of pool '" + this.pool
				+ "' ran longer than its timeout of " + timeout + " on " + worker.describe() + ", which was stopped"),
				0);
		effects.stops.add(worker);
		dispatch(effects);
		return effects;
	}

	/**
	 * Sending to a worker failed: it is stopped, and the tasks sent go back to the head
	 * of the queue (they may have arrived: they then run twice).
	 * @param send what could not be sent
	 * @return what to do
	 */
	synchronized Effects sendFailed(Effects.Send send) {
		Effects effects = new Effects();
		Worker worker = send.worker();
		if (this.workers.get(worker.id) == worker && !worker.leaving) {
			worker.leaving = true;
			for (TaskRecord task : send.tasks()) {
				if (worker.tasks.peekFirst() == task) {
					task.attempts--;
				}
			}
			worker.tasks.removeAll(send.tasks());
			for (int i = send.tasks().size() - 1; i >= 0; i--) {
				send.tasks().get(i).started = null;
				this.pending.addFirst(send.tasks().get(i));
			}
			requeueWaiting(worker);
			effects.stops.add(worker);
		}
		dispatch(effects);
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
		for (Worker worker : this.workers.values()) {
			requeueWaiting(worker);
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
		int queued = this.pending.size();
		for (Worker worker : this.workers.values()) {
			TaskRecord task = worker.tasks.peekFirst();
			running += (task != null) ? 1 : 0;
			queued += Math.max(0, worker.tasks.size() - 1);
			described.add(new WorkerInfo(worker.id, worker.pid, worker.host, worker.joined, worker.ready,
					(task != null) ? task.id : -1, (task != null) ? task.started : null, worker.tasksRun));
		}
		return new PoolInfo(this.pool, describeState(), this.processes, described, queued, running, this.completed,
				this.failed);
	}

	private Worker register(Worker worker) {
		this.workers.put(worker.id, worker);
		return worker;
	}

	/**
	 * Gives queued tasks to the workers with room, the least busy first, one message per
	 * worker; tells idle workers to stop once a shut-down pool has nothing left.
	 */
	private void dispatch(Effects effects) {
		Map<Worker, List<TaskRecord>> batches = new LinkedHashMap<>();
		while (!this.pending.isEmpty()) {
			Worker worker = leastBusy();
			if (worker == null) {
				break;
			}
			TaskRecord task = this.pending.poll();
			if (task.future.isDone()) {
				continue; // cancelled while queued
			}
			worker.tasks.addLast(task);
			worker.assigned++;
			batches.computeIfAbsent(worker, (key) -> new ArrayList<>()).add(task);
			if (worker.tasks.size() == 1) {
				start(effects, worker, task);
			}
		}
		batches.forEach((worker,
				tasks) -> effects.sends.add(new Effects.Send(worker,
						new Message.Run(tasks.stream().map((task) -> new Message.Job(task.id, task.payload)).toList()),
						tasks)));
		if (this.state == State.SHUTDOWN && this.pending.isEmpty()) {
			for (Worker worker : this.workers.values()) {
				if (worker.ready && !worker.leaving && worker.tasks.isEmpty()) {
					worker.leaving = true;
					effects.sends.add(new Effects.Send(worker, new Message.Stop(), List.of()));
				}
			}
		}
	}

	private Worker leastBusy() {
		Worker best = null;
		for (Worker worker : this.workers.values()) {
			if (worker.hasRoom(this.maxTasksPerChild) && (best == null || worker.tasks.size() < best.tasks.size())) {
				best = worker;
			}
		}
		return best;
	}

	private void startNext(Effects effects, Worker worker) {
		TaskRecord next = worker.tasks.peekFirst();
		if (next != null) {
			start(effects, worker, next);
		}
	}

	private void start(Effects effects, Worker worker, TaskRecord task) {
		task.attempts++;
		task.started = Instant.now();
		effects.started.add(new Effects.Started(task, worker.id));
	}

	/** Gives the tasks waiting behind a worker's first back to the head of the queue. */
	private void requeueWaiting(Worker worker) {
		while (!worker.tasks.isEmpty()) {
			TaskRecord waiting = worker.tasks.pollLast();
			if (worker.tasks.isEmpty() && waiting.started != null) {
				// the first, still marked running: the caller decides
				worker.tasks.addFirst(waiting);
				return;
			}
			waiting.started = null;
			this.pending.addFirst(waiting);
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
		for (Worker worker : this.workers.values()) {
			requeueWaiting(worker);
		}
		for (TaskRecord task : this.pending) {
			finish(effects, task, null, cause, 0);
		}
		this.pending.clear();
		stopAll(effects, () -> cause);
		checkTerminated(effects);
		notifyAll();
	}

	private void stopAll(Effects effects, Supplier<Throwable> failure) {
		for (Worker worker : this.workers.values()) {
			for (TaskRecord task : worker.tasks) {
				finish(effects, task, null, failure.get(), 0);
			}
			worker.tasks.clear();
			worker.leaving = true;
			if (!effects.stops.contains(worker)) {
				effects.stops.add(worker);
			}
		}
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

		/** Its tasks, in the order it runs them: the first runs, unless it is idle. */
		final Deque<TaskRecord> tasks = new ArrayDeque<>();

		long pid = -1;

		String host = "";

		boolean ready;

		/** Told to stop, stopping, or leaving by itself: takes no more tasks. */
		boolean leaving;

		/** How many tasks it was given. */
		long assigned;

		long tasksRun;

		Worker(String id, boolean joined, int generation) {
			this.id = id;
			this.joined = joined;
			this.generation = generation;
		}

		boolean hasRoom(int maxTasks) {
			return this.ready && !this.leaving && this.tasks.size() < TASKS_PER_WORKER
					&& (this.joined || maxTasks == 0 || this.assigned < maxTasks);
		}

		String describe() {
			return "worker " + this.id + ((this.pid >= 0) ? " (pid " + this.pid + " on " + this.host + ")" : "");
		}

	}

}
