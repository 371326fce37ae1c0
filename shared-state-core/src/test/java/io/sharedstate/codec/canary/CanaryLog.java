package io.sharedstate.codec.canary;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where canaries record that their code ran. A separate class, so that reading the log
 * does not initialise a canary.
 */
public final class CanaryLog {

	private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

	private CanaryLog() {
	}

	static void record(String event) {
		EVENTS.add(event);
	}

	/**
	 * Returns what ran in this class loader, in order.
	 * @return the events, such as {@code Canary.<clinit>}
	 */
	public static List<String> events() {
		return List.copyOf(EVENTS);
	}

}
