package io.sharedstate.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.SmartLifecycle;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateException;

/**
 * Opens a server-mode manager to clients once the context is refreshed, and closes it
 * gracefully when the context stops: requests being run get up to the grace period to be
 * answered, then client connections close. Runs in the phase of the web server's graceful
 * shutdown, so both drain together, and after the beans of the default phase (schedulers,
 * message listeners) have stopped making new work. While it serves, a non-daemon thread
 * keeps the JVM alive, as an embedded web server's does, so that an application with
 * nothing else to do keeps serving.
 */
final class ManagerServerLifecycle implements SmartLifecycle {

	/** The phase of Spring Boot's web server graceful shutdown. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private final SharedState manager;

	private final String address;

	private final Duration grace;

	private volatile CountDownLatch serving;

	ManagerServerLifecycle(SharedState manager, String address, Duration grace) {
		this.manager = manager;
		this.address = address;
		this.grace = grace;
	}

	@Override
	public void start() {
		try {
			this.manager.startServing();
		}
		catch (SharedStateException ex) {
			throw new InvalidConfigurationPropertyValueException("shared-state.address", this.address,
					ex.getMessage() + ". Set shared-state.address to a host:port that this application may listen on");
		}
		CountDownLatch latch = new CountDownLatch(1);
		Thread keepAlive = new Thread(() -> awaitUninterruptibly(latch), "shared-state-server-keep-alive");
		keepAlive.setDaemon(false);
		keepAlive.start();
		this.serving = latch;
	}

	@Override
	public void stop() {
		try {
			this.manager.stopServing(this.grace);
		}
		finally {
			CountDownLatch latch = this.serving;
			if (latch != null) {
				latch.countDown();
			}
		}
	}

	@Override
	public void stop(Runnable callback) {
		Thread stopping = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "shared-state-server-shutdown");
		stopping.setDaemon(true);
		stopping.start();
	}

	@Override
	public boolean isRunning() {
		return this.manager.isServing();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		while (true) {
			try {
				latch.await();
				return;
			}
			catch (InterruptedException ex) {
				// Only stopping ends serving.
			}
		}
	}

}
