package io.sharedstate.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.queue.SharedQueue;

/**
 * What every worker does, started or joined: says hello on the creator's queue, waits for
 * the pool's settings, runs the initializer, then runs the tasks that arrive in its inbox
 * one at a time and sends each outcome back, until told to stop or, for a started worker,
 * until it has run its most tasks.
 */
final class WorkerLoop {

	/** How long a worker waits for the creator to answer its hello. */
	static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(30);

	private static final String HOST = hostName();

	private final SharedState manager;

	private final String pool;

	private final String worker;

	private final boolean joined;

	private final SharedQueue<byte[]> inbox;

	private final SharedQueue<byte[]> owner;

	private volatile boolean runningTask;

	private volatile boolean stopping;

	private final Runnable welcomed;

	/**
	 * Creates the loop of a worker.
	 * @param manager the manager the pool lives in
	 * @param names the pool's object names
	 * @param worker the worker's id
	 * @param joined whether it joined (rather than being started by the pool)
	 * @param welcomed what to do once the creator has answered the hello
	 */
	WorkerLoop(SharedState manager, PoolNames names, String worker, boolean joined, Runnable welcomed) {
		this.manager = manager;
		this.welcomed = welcomed;
		this.pool = names.pool();
		this.worker = worker;
		this.joined = joined;
		this.inbox = manager.queue(names.inbox(worker), 0);
		this.owner = manager.queue(names.owner(), 0);
	}

	/**
	 * Serves the pool until it says stop or, for a started worker, until the task limit.
	 * @throws InterruptedException if interrupted while waiting for a task
	 * @throws SharedStateException if the pool does not answer the hello in time
	 */
	void run() throws InterruptedException {
		// What a previous worker of this id left unread was given to others already.
		this.inbox.clear();
		send(new Message.Hello(this.worker, ProcessHandle.current().pid(), HOST, this.joined));
		Message.Welcome welcome = awaitWelcome();
		this.welcomed.run();
		if (!initialize(welcome.initializer())) {
			return;
		}
		send(new Message.Ready(this.worker));
		serve(welcome.maxTasks());
	}

	private void serve(int maxTasks) throws InterruptedException {
		int tasks = 0;
		while (!this.stopping) {
			// The creator sends the next task while this one runs: it is there already.
			Message message = Message.decode(this.inbox.take());
			if (message instanceof Message.Run run) {
				for (Message.Job job : run.jobs()) {
					tasks++;
					boolean retiring = !this.joined && maxTasks > 0 && tasks >= maxTasks;
					// Sent before the next task starts: the creator relies on it.
					send(execute(job, retiring));
					if (retiring || this.stopping) {
						return;
					}
				}
			}
			else if (message instanceof Message.Stop) {
				return;
			}
		}
	}

	/**
	 * Makes the loop return after the task it runs, if any, instead of taking another:
	 * the caller interrupts the loop's thread too, but a task may swallow that interrupt.
	 */
	void stop() {
		this.stopping = true;
	}

	/**
	 * Returns whether a task is running now.
	 * @return whether the worker is busy
	 */
	boolean isRunningTask() {
		return this.runningTask;
	}

	String describe() {
		return "worker " + this.worker + " of pool '" + this.pool + "' (pid " + ProcessHandle.current().pid() + " on "
				+ HOST + ")";
	}

	private Message.Welcome awaitWelcome() throws InterruptedException {
		long deadline = System.nanoTime() + WELCOME_TIMEOUT.toNanos();
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			byte[] bytes = this.inbox.poll(left, TimeUnit.NANOSECONDS);
			if (bytes != null && Message.decode(bytes) instanceof Message.Welcome welcome) {
				return welcome;
			}
			if (bytes != null && Message.decode(bytes) instanceof Message.Stop) {
				throw new SharedStateException("Pool '" + this.pool + "' is shutting down and takes no new workers");
			}
		}
		throw new SharedStateException("Pool '" + this.pool + "' did not answer " + describe() + " within "
				+ WELCOME_TIMEOUT.toSeconds() + " s: is the process that created it still running?");
	}

	private boolean initialize(byte[] initializer) throws InterruptedException {
		if (initializer.length == 0) {
			return true;
		}
		try {
			Runnable runnable = (Runnable) Payloads.deserialize(initializer);
			PoolWorker.runAs(this.manager, () -> {
				runnable.run();
				return null;
			});
			return true;
		}
		catch (IOException | ClassNotFoundException ex) {
			send(new Message.InitFailed(this.worker, TaskError.serialize(TaskError.unreadableTask(ex, describe()))));
		}
		catch (Exception | Error ex) {
			send(new Message.InitFailed(this.worker, TaskError.serialize(ex)));
		}
		return false;
	}

	private Message.Done execute(Message.Job run, boolean retiring) {
		long start = System.nanoTime();
		this.runningTask = true;
		try {
			PoolTask task;
			try {
				task = TaskCodec.decode(run.payload());
			}
			catch (IOException | ClassNotFoundException | RuntimeException ex) {
				return failed(run, TaskError.unreadableTask(ex, describe()), start, retiring);
			}
			Object result = PoolWorker.runAs(this.manager, task::run);
			return new Message.Done(this.worker, run.task(), true, Payloads.serializeResult(result),
					System.nanoTime() - start, retiring);
		}
		catch (Exception | Error ex) {
			// An Error too (StackOverflowError, OutOfMemoryError): it was the task's.
			return failed(run, ex, start, retiring);
		}
		finally {
			this.runningTask = false;
		}
	}

	private Message.Done failed(Message.Job run, Throwable failure, long start, boolean retiring) {
		return new Message.Done(this.worker, run.task(), false, TaskError.serialize(failure), System.nanoTime() - start,
				retiring);
	}

	private void send(Message message) throws InterruptedException {
		this.owner.put(Message.encode(message));
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "localhost";
		}
	}

}
