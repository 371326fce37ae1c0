package io.sharedstate.pool;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.lock.SharedLock;

/**
 * The locks of a pool's creator. It holds the pool's lock while the pool lives (a second
 * creator of the same name is refused, joiners check the pool exists, and the lock is
 * released by the manager if the creator dies) and, per joined worker, that worker's
 * leash (let go to stop the worker). A lock belongs to a thread, so one thread takes and
 * releases them all. And it waits, one thread per joined worker, for that worker's alive
 * lock, which it gets when the worker left or died.
 */
final class CreatorLocks {

	private static final Logger logger = LoggerFactory.getLogger(CreatorLocks.class);

	private static final long LOCK_TIMEOUT_SECONDS = 30;

	private final SharedState manager;

	private final PoolNames names;

	private final ExecutorService holder;

	private final Set<String> leashes = ConcurrentHashMap.newKeySet();

	private final Map<String, Thread> watchers = new ConcurrentHashMap<>();

	CreatorLocks(SharedState manager, PoolNames names) {
		this.manager = manager;
		this.names = names;
		this.holder = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-pool-" + names.pool() + "-locks");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Takes the pool's lock.
	 * @return whether it was free: no other creator runs a pool of this name
	 */
	boolean claimPool() {
		return onHolder(() -> this.manager.lock(this.names.ownerLock()).tryLock());
	}

	/**
	 * Takes a joined worker's leash, before the worker is welcomed.
	 * @param worker the worker's id
	 * @return whether it was taken
	 */
	boolean leash(String worker) {
		boolean taken = onHolder(
				() -> this.manager.lock(this.names.leash(worker)).tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS));
		if (taken) {
			this.leashes.add(worker);
		}
		return taken;
	}

	/**
	 * Lets go of a joined worker's leash: the worker stops.
	 * @param worker the worker's id
	 */
	void unleash(String worker) {
		if (this.leashes.remove(worker)) {
			this.holder.execute(() -> unlock(this.manager.lock(this.names.leash(worker))));
		}
	}

	/**
	 * Waits in the background until a joined worker's alive lock is free: the worker
	 * left, or died and the manager released the lock after its grace period.
	 * @param worker the worker's id
	 * @param gone told then
	 */
	void watch(String worker, Runnable gone) {
		Thread thread = new Thread(() -> {
			SharedLock alive = this.manager.lock(this.names.alive(worker));
			try {
				awaitFree(alive);
				this.watchers.remove(worker);
				gone.run();
			}
			catch (InterruptedException ex) {
				// the pool terminated
			}
		}, "shared-state-pool-" + this.names.pool() + "-" + worker + "-alive");
		thread.setDaemon(true);
		this.watchers.put(worker, thread);
		thread.start();
	}

	/**
	 * Stops watching, lets go of every leash and of the pool's lock.
	 */
	void close() {
		this.watchers.values().forEach(Thread::interrupt);
		for (String worker : Set.copyOf(this.leashes)) {
			unleash(worker);
		}
		this.holder.execute(() -> unlock(this.manager.lock(this.names.ownerLock())));
		this.holder.shutdown();
		// Wait, so that a pool of the same name can be created as soon as this one
		// terminated; the caller may be a thread that was interrupted to stop.
		boolean interrupted = Thread.interrupted();
		try {
			this.holder.awaitTermination(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitFree(SharedLock alive) throws InterruptedException {
		while (true) {
			try {
				alive.lockInterruptibly();
				unlock(alive);
				return;
			}
			catch (SharedStateConnectionException ex) {
				// wait again on the next connection
			}
			catch (RuntimeException ex) {
				logger.warn("Cannot watch lock {}: {}", alive.name(), ex.toString());
				return;
			}
		}
	}

	private static void unlock(SharedLock lock) {
		try {
			lock.unlock();
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot unlock {}: {}", lock.name(), ex.toString());
		}
	}

	private <T> T onHolder(java.util.concurrent.Callable<T> work) {
		try {
			return this.holder.submit(work).get(LOCK_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SharedStateException("Interrupted while taking a lock of pool '" + this.names.pool() + "'", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof RuntimeException runtime) ? runtime : new SharedStateException(
					"Cannot take a lock of pool '" + this.names.pool() + "': " + cause, cause);
		}
		catch (TimeoutException ex) {
			throw new SharedStateException("Taking a lock of pool '" + this.names.pool() + "' took longer than "
					+ LOCK_TIMEOUT_SECONDS * 2 + " s", ex);
		}
	}

}
