package io.sharedstate.pool;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.queue.SharedQueue;

/**
 * A worker's thread that keeps a take waiting on the worker's inbox, and hands what
 * arrives to the thread running tasks: the manager answers that take the moment the
 * creator sends a task, so the next task is here when the current one ends, instead of a
 * round trip away.
 */
final class InboxPump {

	private final SharedQueue<byte[]> inbox;

	private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();

	private final Thread thread;

	InboxPump(SharedQueue<byte[]> inbox, String name) {
		this.inbox = inbox;
		this.thread = new Thread(this::pump, "shared-state-pool-" + name + "-inbox");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Waits for the next message.
	 * @return its bytes
	 * @throws InterruptedException if interrupted while waiting
	 * @throws SharedStateException if the inbox cannot be read any more
	 */
	byte[] take() throws InterruptedException {
		Object next = this.arrived.take();
		if (next instanceof RuntimeException failure) {
			throw new SharedStateException("The inbox of this worker cannot be read: " + failure, failure);
		}
		return (byte[]) next;
	}

	void close() {
		this.thread.interrupt();
	}

	private void pump() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.arrived.add(this.inbox.take());
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (SharedStateConnectionException ex) {
				// the session goes on; the next take reconnects
			}
			catch (RuntimeException ex) {
				this.arrived.add(ex);
				return;
			}
		}
	}

}
