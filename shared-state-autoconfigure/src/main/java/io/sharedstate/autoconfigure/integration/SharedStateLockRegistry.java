package io.sharedstate.autoconfigure.integration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.integration.support.locks.LockRegistry;

import io.sharedstate.SharedState;
import io.sharedstate.lock.SharedLock;

/**
 * A Spring Integration {@link LockRegistry} whose locks are shared reentrant locks, so
 * that leader election, aggregators and other lock users coordinate across processes. A
 * lock whose holding process dies is released by the server after its grace period.
 */
public class SharedStateLockRegistry implements LockRegistry<SharedLock> {

	private final SharedState manager;

	private final String prefix;

	private final Map<String, SharedLock> locks = new ConcurrentHashMap<>();

	/**
	 * Creates a registry.
	 * @param manager the manager that hosts the locks
	 * @param prefix put before each key to make the lock's name, e.g.
	 * {@code "integration."}
	 */
	public SharedStateLockRegistry(SharedState manager, String prefix) {
		this.manager = manager;
		this.prefix = prefix;
	}

	@Override
	public SharedLock obtain(Object lockKey) {
		String name = this.prefix + lockKey;
		return this.locks.computeIfAbsent(name, this.manager::rlock);
	}

}
