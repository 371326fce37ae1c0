package io.sharedstate.pool;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.lock.SharedLock;

/**
 * A process that joins a pool as a worker. Two locks tie it to the pool's creator without
 * any polling: it holds one of its own (<em>alive</em>) while it serves, and the creator,
 * waiting for that lock, learns the worker died when the manager releases it; the creator
 * holds another (<em>leash</em>) for the worker, and the worker, waiting for that one,
 * learns that the creator died, or wants it gone, when it gets it.
 */
final class JoinedWorker {

	private static final Logger logger = LoggerFactory.getLogger(JoinedWorker.class);

	private static final long LOCK_TIMEOUT_SECONDS = 30;

	private final SharedLock alive;

	private final SharedLock leash;

	private final WorkerLoop loop;

	private final Thread serving;

	private final boolean haltWhenStoppedMidTask;

	private final CountDownLatch aliveHeld = new CountDownLatch(1);

	private final CountDownLatch welcomed = new CountDownLatch(1);

	private final Thread watcher;

	private volatile boolean stoppedByPool;

	private JoinedWorker(SharedState manager, PoolNames names, String id, boolean haltWhenStoppedMidTask) {
		this.alive = manager.lock(names.alive(id));
		this.leash = manager.lock(names.leash(id));
		this.loop = new WorkerLoop(manager, names, id, true, this.welcomed::countDown);
		this.serving = Thread.currentThread();
		this.haltWhenStoppedMidTask = haltWhenStoppedMidTask;
		this.watcher = new Thread(this::watch, "shared-state-pool-" + names.pool() + "-" + id + "-leash");
		this.watcher.setDaemon(true);
	}

	/**
	 * Serves a pool on the calling thread until the pool shuts down, stops this worker or
	 * its creator goes away.
	 * @param manager the manager the pool lives in
	 * @param pool the pool's name
	 * @param haltWhenStoppedMidTask whether to end this JVM at once when stopped while a
	 * task runs (a worker process), rather than interrupting the task (a worker thread in
	 * an application)
	 * @throws InterruptedException if the calling thread is interrupted by someone other
	 * than the pool
	 * @throws IllegalStateException if no pool of that name is running
	 */
	static void join(SharedState manager, String pool, boolean haltWhenStoppedMidTask) throws InterruptedException {
		PoolNames names = new PoolNames(pool);
		if (!manager.lock(names.ownerLock()).isLocked()) {
			throw new IllegalStateException("No pool '" + pool + "' is running on " + manager
					+ ": a worker joins a pool that exists; create it first with manager.pool(name, processes)");
		}
		String id = "j" + UUID.randomUUID().toString().substring(0, 8);
		new JoinedWorker(manager, names, id, haltWhenStoppedMidTask).serve();
	}

	private void serve() throws InterruptedException {
		this.watcher.start();
		try {
			if (!this.aliveHeld.await(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new SharedStateException("Cannot take the lock " + this.alive.name() + " within "
						+ LOCK_TIMEOUT_SECONDS + " s, so the pool could not tell if this worker died");
			}
			this.loop.run();
		}
		catch (InterruptedException ex) {
			if (!this.stoppedByPool) {
				throw ex;
			}
		}
		finally {
			this.watcher.interrupt();
			boolean interrupted = awaitWatcher();
			if (this.stoppedByPool) {
				// The pool's interrupt was for this loop, not for the caller.
				Thread.interrupted();
			}
			else if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Waits, uninterruptibly and for a bounded time, until the watcher has let go of the
	 * alive lock, so that the creator learns at once that this worker left.
	 * @return whether the calling thread was interrupted meanwhile
	 */
	private boolean awaitWatcher() {
		boolean interrupted = false;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_TIMEOUT_SECONDS);
		while (this.watcher.isAlive() && System.nanoTime() < deadline) {
			try {
				this.watcher.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		return interrupted;
	}

	private void watch() {
		this.alive.lock();
		try {
			this.aliveHeld.countDown();
			this.welcomed.await();
			if (waitForLeash()) {
				this.leash.unlock();
			}
			this.stoppedByPool = true;
			logger.info("Pool stopped {} (shut down, task timeout, or its creator is gone)", this.loop.describe());
			if (this.haltWhenStoppedMidTask && this.loop.isRunningTask()) {
				Runtime.getRuntime().halt(3);
			}
			this.loop.stop();
			this.serving.interrupt();
		}
		catch (InterruptedException ex) {
			// the worker leaves by itself
		}
		finally {
			release(this.alive);
		}
	}

	/**
	 * Waits until the creator lets go of the leash or the manager cannot be reached.
	 * @return whether the leash was taken (and must be given back)
	 */
	private boolean waitForLeash() throws InterruptedException {
		while (true) {
			try {
				this.leash.lockInterruptibly();
				return true;
			}
			catch (SharedStateConnectionException ex) {
				// The session outlives a broken connection: wait again on the next one.
			}
			catch (RuntimeException ex) {
				logger.warn("{} lost its manager ({}) and leaves the pool", this.loop.describe(), ex.toString());
				return false;
			}
		}
	}

	private static void release(SharedLock lock) {
		try {
			lock.unlock();
		}
		catch (RuntimeException ex) {
			// the manager is gone, and with it the hold
		}
	}

}
