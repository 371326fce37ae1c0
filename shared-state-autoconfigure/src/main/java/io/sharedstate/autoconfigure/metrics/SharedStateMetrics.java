package io.sharedstate.autoconfigure.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedType;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.inspect.OperationObserver;

/**
 * Shared-state metrics:
 * <ul>
 * <li>{@code sharedstate.operations}: timer of operations (a client's calls, a server's
 * served requests), tagged {@code type}, {@code operation} and {@code outcome} (success,
 * error);</li>
 * <li>{@code sharedstate.lock.wait} and {@code sharedstate.lock.held}: timers of this
 * process's lock waits and holds, tagged {@code name};</li>
 * <li>{@code sharedstate.objects} and {@code sharedstate.clients}: gauges of live objects
 * and connected clients;</li>
 * <li>{@code sharedstate.queue.size}: gauge of each queue's length, tagged {@code name},
 * for the queues that existed when a live-object gauge was last read.</li>
 * </ul>
 */
public class SharedStateMetrics implements MeterBinder, OperationObserver {

	private final SharedState manager;

	private final Map<String, Timer> operationTimers = new ConcurrentHashMap<>();

	private final Map<String, Timer> lockTimers = new ConcurrentHashMap<>();

	private volatile MeterRegistry registry;

	/**
	 * Creates the metrics of a manager.
	 * @param manager the manager
	 */
	public SharedStateMetrics(SharedState manager) {
		this.manager = manager;
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
			if (object.type().endsWith("queue")) {
				registerQueue(object.name());
			}
		}
		return objects;
	}

	private void registerQueue(String name) {
		Gauge.builder("sharedstate.queue.size", this, (metrics) -> metrics.queueSize(name))
			.description("Items in a shared queue")
			.tags(Tags.of("name", name))
			.register(this.registry);
	}

	private double queueSize(String name) {
		if (!this.manager.isConnected()) {
			return Double.NaN;
		}
		return this.manager.inspector()
			.object(name, 0)
			.map((info) -> ((Number) info.state().getOrDefault("size", Double.NaN)).doubleValue())
			.orElse(Double.NaN);
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
					(k) -> Timer.builder("sharedstate.operations")
						.description("Shared-state operations")
						.tags("type", type.toString(), "operation", operation.toLowerCase(Locale.ROOT), "outcome",
								success ? "success" : "error")
						.register(current))
			.record(nanos, TimeUnit.NANOSECONDS);
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

	private Timer lockTimer(String name, String description, String lock) {
		MeterRegistry current = this.registry;
		return this.lockTimers.computeIfAbsent(name + ":" + lock,
				(key) -> Timer.builder(name).description(description).tags("name", lock).register(current));
	}

}
