package io.sharedstate.autoconfigure.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedType;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.inspect.OperationObserver;
import io.sharedstate.api.ManagerMode;

/**
 * Shared-state metrics:
 * <ul>
 * <li>{@code sharedstate.client.requests}: timer of a client's calls to its server, as
 * long as the caller waited; {@code sharedstate.server.requests}: timer of the requests a
 * server ran for its clients. Both tagged {@code type}, {@code operation} and
 * {@code outcome} (success, error);</li>
 * <li>{@code sharedstate.lock.wait} and {@code sharedstate.lock.held}: timers of this
 * process's lock waits and holds, tagged {@code name};</li>
 * <li>{@code sharedstate.objects} and {@code sharedstate.clients}: gauges of live objects
 * and connected clients;</li>
 * <li>{@code sharedstate.queue.size}: gauge of the items in the queues of each
 * {@code name} tag, for the queues that existed when a live-object gauge was last
 * read.</li>
 * </ul>
 * The {@code name} tag is bounded (see {@link NameTags}): names made from data, such as
 * lock registry keys, share a tag rather than each making a meter.
 */
public class SharedStateMetrics implements MeterBinder, OperationObserver {

	private final SharedState manager;

	private final NameTags names;

	private final Map<String, Timer> operationTimers = new ConcurrentHashMap<>();

	private final Map<String, Timer> lockTimers = new ConcurrentHashMap<>();

	private final Set<String> queueTags = ConcurrentHashMap.newKeySet();

	private volatile MeterRegistry registry;

	/**
	 * Creates the metrics of a manager.
	 * @param manager the manager
	 * @param groupedPrefixes name prefixes whose objects share one {@code name} tag, the
	 * prefix followed by {@code *}
	 * @param maxNames how many other names get a tag of their own; later ones share
	 * {@code other}
	 */
	public SharedStateMetrics(SharedState manager, List<String> groupedPrefixes, int maxNames) {
		this.manager = manager;
		this.names = new NameTags(groupedPrefixes, maxNames);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.manager.observe(this);
		Gauge.builder("sharedstate.objects", this, (metrics) -> metrics.objects().size())
			.description("Live shared objects")
			.register(registry);
		Gauge
			.builder("sharedstate.clients", this,
					(metrics) -> metrics.manager.isConnected() ? metrics.manager.inspector().clients().size() : 0)
			.description("Clients connected to the manager server")
			.register(registry);
	}

	private List<ObjectInfo> objects() {
		if (!this.manager.isConnected()) {
			return List.of();
		}
		List<ObjectInfo> objects = this.manager.inspector().objects();
		for (ObjectInfo object : objects) {
			if (isQueue(object)) {
				String tag = this.names.tagFor(object.name());
				if (this.queueTags.add(tag)) {
					Gauge.builder("sharedstate.queue.size", this, (metrics) -> metrics.queueSize(tag))
						.description("Items in shared queues")
						.tag("name", tag)
						.register(this.registry);
				}
			}
		}
		return objects;
	}

	private double queueSize(String tag) {
		if (!this.manager.isConnected()) {
			return Double.NaN;
		}
		return this.manager.inspector()
			.objects()
			.stream()
			.filter((object) -> isQueue(object) && this.names.tagFor(object.name()).equals(tag))
			.mapToDouble((object) -> ((Number) object.state().getOrDefault("size", 0)).doubleValue())
			.sum();
	}

	private static boolean isQueue(ObjectInfo object) {
		return object.type().endsWith("queue");
	}

	@Override
	public void operation(SharedType type, String operation, long nanos, boolean success) {
		MeterRegistry current = this.registry;
		if (current == null) {
			return;
		}
		String key = type.code() + ":" + operation + ":" + success;
		this.operationTimers
			.computeIfAbsent(key,
					(k) -> Timer.builder(requestsMeter())
						.description(requestsDescription())
						.tags("type", type.toString(), "operation", operation.toLowerCase(Locale.ROOT), "outcome",
								success ? "success" : "error")
						.register(current))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	private String requestsMeter() {
		return (this.manager.mode() == ManagerMode.CLIENT) ? "sharedstate.client.requests"
				: "sharedstate.server.requests";
	}

	private String requestsDescription() {
		return (this.manager.mode() == ManagerMode.CLIENT) ? "Calls of this client to its manager server"
				: "Requests of clients run by this manager server";
	}

	@Override
	public void lockAcquired(String lock, long waitNanos) {
		lockTimer("sharedstate.lock.wait", "Time waited for a shared lock", lock).record(waitNanos,
				TimeUnit.NANOSECONDS);
	}

	@Override
	public void lockReleased(String lock, long heldNanos) {
		lockTimer("sharedstate.lock.held", "Time a shared lock was held", lock).record(heldNanos, TimeUnit.NANOSECONDS);
	}

	private Timer lockTimer(String meter, String description, String lock) {
		MeterRegistry current = this.registry;
		String tag = this.names.tagFor(lock);
		return this.lockTimers.computeIfAbsent(meter + ":" + tag,
				(key) -> Timer.builder(meter).description(description).tags("name", tag).register(current));
	}

}
