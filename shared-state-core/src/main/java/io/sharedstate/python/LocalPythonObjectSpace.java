package io.sharedstate.python;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalEngine.HostedObject;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.lock.SharedLock;

/**
 * The Python space over the server's own local engine. Every object is the engine's own,
 * so what a Python client holds is held by the server process's session, by the thread
 * that serves the client; when the client's connection ends, {@link PythonSession#close}
 * releases the locks that thread still holds, at once (without the grace period, and
 * without the next holder seeing {@code holderDied()}). Permits a client took are not
 * given back. Per-client sessions of the engine would do both properly; this class is
 * what they replace.
 */
public final class LocalPythonObjectSpace implements PythonObjectSpace {

	private final LocalEngine engine;

	/**
	 * Creates the space.
	 * @param engine the engine that hosts the objects
	 */
	public LocalPythonObjectSpace(LocalEngine engine) {
		this.engine = engine;
	}

	@Override
	public SharedObject open(SharedType type, String name, Object initial) {
		return this.engine.open(type, name, initial).object();
	}

	@Override
	public SharedObject find(String name) {
		HostedObject hosted = this.engine.find(name);
		return (hosted != null) ? hosted.object() : null;
	}

	@Override
	public void destroy(String name) {
		this.engine.destroy(name);
	}

	@Override
	public PythonSession openSession(String client, InetSocketAddress address) {
		return new Session();
	}

	private final class Session implements PythonSession {

		private final Map<String, SharedLock> locks = new ConcurrentHashMap<>();

		@Override
		public SharedObject object(SharedType type, String name) {
			HostedObject hosted = LocalPythonObjectSpace.this.engine.find(name);
			if (hosted == null) {
				throw new IllegalStateException("Shared object '" + name + "' no longer exists");
			}
			if (hosted.type() != type) {
				throw SharedTypeMismatchException.of(name, LocalEngine.describe(hosted), type.toString());
			}
			SharedObject object = hosted.object();
			if (object instanceof SharedLock lock) {
				this.locks.put(name, lock);
			}
			else if (object instanceof SharedCondition condition) {
				this.locks.put(condition.lock().name(), condition.lock());
			}
			return object;
		}

		@Override
		public void close() {
			for (SharedLock lock : this.locks.values()) {
				while (lock.isHeldByCurrentThread()) {
					lock.unlock();
				}
			}
		}

	}

}
