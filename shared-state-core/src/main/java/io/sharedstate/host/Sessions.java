package io.sharedstate.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of a host. A session outlives its connections by the grace period, so a
 * client that reconnects keeps what it holds; after that its host releases it.
 */
final class Sessions {

	private static final Logger logger = LoggerFactory.getLogger(Sessions.class);

	private final ObjectHost host;

	private final Duration gracePeriod;

	private final ConcurrentHashMap<Long, Session> sessions = new ConcurrentHashMap<>();

	Sessions(ObjectHost host, Duration gracePeriod) {
		this.host = host;
		this.gracePeriod = gracePeriod;
	}

	Session attach(long id, String process) {
		return attach(id, process, new boolean[1]);
	}

	/**
	 * Attaches a context to a session, creating the session if it is not known.
	 * @param existed set to whether the session was known (still connected, or within its
	 * grace period)
	 */
	Session attach(long id, String process, boolean[] existed) {
		return this.sessions.compute(id, (key, session) -> {
			existed[0] = session != null;
			Session current = (session != null) ? session : new Session(id, process);
			current.process(process);
			current.contexts++;
			current.disconnectedAt = null;
			return current;
		});
	}

	void detach(Session session) {
		Instant[] orphanedAt = new Instant[1];
		this.sessions.computeIfPresent(session.id(), (id, current) -> {
			if (current == session && --current.contexts == 0) {
				current.disconnectedAt = Instant.now();
				orphanedAt[0] = current.disconnectedAt;
			}
			return current;
		});
		if (orphanedAt[0] != null) {
			Instant since = orphanedAt[0];
			try {
				this.host.timer()
					.schedule(() -> endIfStillGone(session, since), this.gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// the host is closed: nothing is held any more
			}
		}
	}

	private void endIfStillGone(Session session, Instant orphanedAt) {
		boolean[] ended = new boolean[1];
		// Ending runs inside compute, so a reconnect of the same session waits until it
		// is done.
		this.sessions.computeIfPresent(session.id(), (id, current) -> {
			if (current != session || current.contexts > 0 || current.disconnectedAt != orphanedAt) {
				return current;
			}
			ended[0] = true;
			this.host.endSession(current);
			return null;
		});
		if (ended[0]) {
			logger.info("Client {} was gone for {} ms: released what it held", session, this.gracePeriod.toMillis());
		}
	}

	String processOf(long id) {
		Session session = this.sessions.get(id);
		return (session != null) ? session.process() : "session " + Long.toHexString(id);
	}

	Collection<Session> all() {
		return this.sessions.values();
	}

}
