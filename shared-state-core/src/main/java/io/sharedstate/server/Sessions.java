package io.sharedstate.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.engine.LocalEngine;

/**
 * The client sessions of a server. A session is one client process; it outlives its
 * connections so that a brief disconnect does not cost it its locks. When it has had no
 * connection for the grace period, it ends and the engine releases everything it held.
 */
final class Sessions {

	private static final Logger logger = LoggerFactory.getLogger(Sessions.class);

	private final LocalEngine engine;

	private final Duration gracePeriod;

	private final ConcurrentHashMap<Long, Session> sessions = new ConcurrentHashMap<>();

	Sessions(LocalEngine engine, Duration gracePeriod) {
		this.engine = engine;
		this.gracePeriod = gracePeriod;
	}

	/**
	 * Binds a connection to its session, creating or reviving the session.
	 * @param id the session id the client sent
	 * @param connection the connection
	 * @return the session
	 */
	Session attach(long id, ServerConnection connection) {
		return this.sessions.compute(id, (key, session) -> {
			Session current = (session != null) ? session : new Session(id);
			current.connections.add(connection);
			current.disconnectedAt = null;
			current.lastIdentity = connection.identity();
			this.engine.sessionStarted(id, String.valueOf(connection.identity()));
			return current;
		});
	}

	/**
	 * Unbinds a closed connection; a session left without connections ends after the
	 * grace period unless a connection comes back.
	 * @param session the session
	 * @param connection the closed connection
	 */
	void detach(Session session, ServerConnection connection) {
		Instant orphanedAt = null;
		synchronized (session) {
			session.connections.remove(connection);
			if (session.connections.isEmpty()) {
				orphanedAt = Instant.now();
				session.disconnectedAt = orphanedAt;
			}
		}
		if (orphanedAt != null) {
			Instant since = orphanedAt;
			try {
				this.engine.timer()
					.schedule(() -> endIfStillGone(session, since), this.gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// the engine is closed: nothing is held any more
			}
		}
	}

	/**
	 * Ends a session that has had no connection since the given moment; a session that
	 * came back meanwhile (and maybe left again, which schedules its own end) is left
	 * alone.
	 */
	private void endIfStillGone(Session session, Instant orphanedAt) {
		boolean[] ended = new boolean[1];
		// Ending runs inside compute, so a reconnect of the same session waits until it
		// is done.
		this.sessions.computeIfPresent(session.id, (id, current) -> {
			if (current != session || !current.connections.isEmpty() || current.disconnectedAt != orphanedAt) {
				return current;
			}
			ended[0] = true;
			this.engine.endSession(id);
			return null;
		});
		if (ended[0]) {
			logger.info("Client session {} ({}) was gone for {} ms: released what it held",
					Long.toHexString(session.id), session.lastIdentity, this.gracePeriod.toMillis());
		}
	}

	/**
	 * Returns the live sessions.
	 * @return a live view
	 */
	Collection<Session> all() {
		return this.sessions.values();
	}

	/**
	 * One client process as the server knows it.
	 */
	static final class Session {

		final long id;

		final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();

		volatile Instant disconnectedAt;

		volatile Object lastIdentity;

		Session(long id) {
			this.id = id;
		}

	}

}
