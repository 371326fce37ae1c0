package io.sharedstate.python;

import java.net.InetSocketAddress;
import java.security.SecureRandom;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.host.HostedObject;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.local.LocalEngine.ContextProxies;

/**
 * The objects Python clients use: those of the server's local engine. Each Python
 * connection is a session of its own on the host (Python sends nothing that ties the
 * connections of one process together, and its proxies never reconnect), so what a Python
 * client holds is released when its connection has been gone for the grace period, and
 * the next lock holder is told the holder died, as for a Java client.
 */
public final class LocalPythonObjectSpace implements PythonObjectSpace {

	private static final SecureRandom SESSIONS = new SecureRandom();

	private final LocalEngine engine;

	/**
	 * Creates the space of an engine's objects.
	 * @param engine the engine
	 */
	public LocalPythonObjectSpace(LocalEngine engine) {
		this.engine = engine;
	}

	@Override
	public SharedObject open(SharedType type, String name, Object initial) {
		return this.engine.open(type, name, initial);
	}

	@Override
	public SharedObject find(String name) {
		return (this.engine.host().find(name) != null)
				? this.engine.proxiesFor(this.engine.host().ownContext()).find(name) : null;
	}

	@Override
	public void destroy(String name) {
		this.engine.destroy(name);
	}

	@Override
	public PythonSession openSession(String client, InetSocketAddress address) {
		String process = "python:" + client + ((address != null) ? " at " + address : "");
		return new Session(this.engine.proxiesFor(this.engine.host().connect(SESSIONS.nextLong(), process)));
	}

	/** One Python connection's session. */
	private static final class Session implements PythonSession {

		private final ContextProxies proxies;

		Session(ContextProxies proxies) {
			this.proxies = proxies;
		}

		@Override
		public SharedObject object(SharedType type, String name) {
			SharedObject object = this.proxies.find(name);
			if (object == null) {
				throw new IllegalStateException("Shared object '" + name + "' no longer exists");
			}
			if (object.type() != type) {
				throw SharedTypeMismatchException.of(name, object.type(), type);
			}
			return object;
		}

		@Override
		public void close() {
			// Held locks and permits stay held for the grace period, then the host
			// releases
			// them and tells the next holder the holder died.
			this.proxies.context().close();
		}

	}

}
