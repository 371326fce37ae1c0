package io.sharedstate.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused connections without flooding the log: the first refusal of each minute at
 * WARN, the others counted and summed up with the next one logged.
 */
final class FailureLog {

	private static final Logger logger = LoggerFactory.getLogger(ManagerServer.class);

	private static final long PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final AtomicLong nextWarningNanos = new AtomicLong(System.nanoTime());

	private final AtomicLong suppressed = new AtomicLong();

	void refused(Channel channel, String reason) {
		long now = System.nanoTime();
		long next = this.nextWarningNanos.get();
		if (now - next >= 0 && this.nextWarningNanos.compareAndSet(next, now + PERIOD_NANOS)) {
			long others = this.suppressed.getAndSet(0);
			logger.warn("Refused a connection from {}: {}{}", channel.remoteAddress(), reason,
					(others > 0) ? " (and " + others + " more refused in the last minute, logged at debug)" : "");
		}
		else {
			this.suppressed.incrementAndGet();
			logger.debug("Refused a connection from {}: {}", channel.remoteAddress(), reason);
		}
	}

}
