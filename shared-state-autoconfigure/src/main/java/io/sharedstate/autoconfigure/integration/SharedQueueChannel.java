package io.sharedstate.autoconfigure.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.integration.channel.AbstractPollableChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import io.sharedstate.SharedState;
import io.sharedstate.queue.SharedQueue;

/**
 * A pollable message channel backed by a shared queue: messages sent in one process are
 * received in another, each by exactly one receiver. The payload and the headers travel
 * as values (their classes must be allowed on both sides); the receiver gets a new
 * message with the same payload and headers.
 */
public class SharedQueueChannel extends AbstractPollableChannel {

	private static final String PAYLOAD = "payload";

	private static final String HEADERS = "headers";

	private final SharedQueue<Map<String, Object>> queue;

	/**
	 * Creates a channel over the shared queue of a name.
	 * @param manager the manager that hosts the queue
	 * @param queueName the queue's name
	 * @param capacity the most messages it holds, 0 for no limit
	 */
	public SharedQueueChannel(SharedState manager, String queueName, int capacity) {
		this.queue = manager.queue(queueName, capacity);
	}

	@Override
	protected boolean doSend(Message<?> message, long timeout) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put(PAYLOAD, message.getPayload());
		envelope.put(HEADERS, new LinkedHashMap<>(message.getHeaders()));
		try {
			if (timeout < 0) {
				this.queue.put(envelope);
				return true;
			}
			return this.queue.offer(envelope, timeout, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Message<?> doReceive(long timeout) {
		try {
			Map<String, Object> envelope = (timeout < 0) ? this.queue.take()
					: this.queue.poll(timeout, TimeUnit.MILLISECONDS);
			if (envelope == null) {
				return null;
			}
			Map<String, Object> headers = new LinkedHashMap<>((Map<String, Object>) envelope.get(HEADERS));
			headers.remove("id");
			headers.remove("timestamp");
			return MessageBuilder.withPayload(envelope.get(PAYLOAD)).copyHeaders(headers).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
