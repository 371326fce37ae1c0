package io.sharedstate.autoconfigure.pool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.sharedstate.pool.PoolObserver;
import io.sharedstate.pool.SharedPool;

/**
 * Metrics of process pools, each tagged {@code pool}:
 * <ul>
 * <li>{@code sharedstate.pool.tasks}: timer of finished tasks (how long each ran on its
 * worker), tagged {@code outcome} (success: it returned; error: it threw, timed out, lost
 * its worker twice or was cancelled); its count is the tasks run and failed;</li>
 * <li>{@code sharedstate.pool.tasks.queued} and {@code sharedstate.pool.tasks.running}:
 * gauges of the tasks waiting for a worker and running on one;</li>
 * <li>{@code sharedstate.pool.workers}: gauge of the workers ready for tasks.</li>
 * </ul>
 */
public class SharedPoolMetrics implements MeterBinder, PoolObserver {

	private final List<SharedPool> pools;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private volatile MeterRegistry registry;

	/**
	 * Creates the metrics of pools.
	 * @param pools the pools
	 */
	public SharedPoolMetrics(List<SharedPool> pools) {
		this.pools = pools;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (SharedPool pool : this.pools) {
			pool.observe(this);
			Gauge.builder("sharedstate.pool.tasks.queued", pool, (p) -> p.info().queued())
				.description("Tasks of a process pool waiting for a worker")
				.tag("pool", pool.name())
				.register(registry);
			Gauge.builder("sharedstate.pool.tasks.running", pool, (p) -> p.info().running())
				.description("Tasks of a process pool running on a worker")
				.tag("pool", pool.name())
				.register(registry);
			Gauge
				.builder("sharedstate.pool.workers", pool,
						(p) -> p.info().workers().stream().filter((w) -> w.ready()).count())
				.description("Workers of a process pool ready for tasks")
				.tag("pool", pool.name())
				.register(registry);
		}
	}

	@Override
	public void taskFinished(String pool, long nanos, boolean success) {
		MeterRegistry current = this.registry;
		if (current == null) {
			return;
		}
		this.timers
			.computeIfAbsent(pool + ":" + success,
					(key) -> Timer.builder("sharedstate.pool.tasks")
						.description("Tasks of a process pool, by how long they ran on a worker")
						.tags("pool", pool, "outcome", success ? "success" : "error")
						.register(current))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
