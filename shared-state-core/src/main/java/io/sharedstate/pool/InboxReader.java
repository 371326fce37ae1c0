package io.sharedstate.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.queue.SharedQueue;

/**
 * The thread that reads a pool creator's queue: every hello, ready and result of its
 * workers, in batches (one take, then whatever else is there in one round trip).
 */
final class InboxReader {

	private static final Logger logger = LoggerFactory.getLogger(InboxReader.class);

	private static final int BATCH = 256;

	private final SharedQueue<byte[]> inbox;

	private final Consumer<Message> handler;

	private final Consumer<RuntimeException> lost;

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * Creates the reader.
	 * @param pool the pool's name
	 * @param inbox the queue
	 * @param handler handles each message; must not throw
	 * @param lost told when the manager cannot be reached any more
	 */
	InboxReader(String pool, SharedQueue<byte[]> inbox, Consumer<Message> handler, Consumer<RuntimeException> lost) {
		this.inbox = inbox;
		this.handler = handler;
		this.lost = lost;
		this.thread = new Thread(this::read, "shared-state-pool-" + pool + "-inbox");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	void close() {
		this.closed = true;
		this.thread.interrupt();
	}

	private void read() {
		List<byte[]> batch = new ArrayList<>(BATCH);
		while (!this.closed) {
			try {
				batch.add(this.inbox.take());
				this.inbox.drainTo(batch, BATCH - 1);
			}
			catch (InterruptedException ex) {
				continue;
			}
			catch (SharedStateConnectionException ex) {
				// the next take reconnects
			}
			catch (RuntimeException ex) {
				if (!this.closed) {
					this.lost.accept(ex);
				}
				return;
			}
			for (byte[] bytes : batch) {
				try {
					this.handler.accept(Message.decode(bytes));
				}
				catch (RuntimeException ex) {
					logger.warn("Dropped a message of a pool worker: {}", ex.toString());
				}
			}
			batch.clear();
		}
	}

}
