package io.sharedstate.autoconfigure.pool;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpoint;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpointAutoConfiguration;
import io.sharedstate.pool.PoolInfo;
import io.sharedstate.pool.SharedPool;
import io.sharedstate.pool.WorkerInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedPoolAutoConfiguration} and {@link SharedPoolMetrics}: pools
 * declared by properties, with real worker JVMs.
 */
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class SharedPoolAutoConfigurationTests {

	private static final String[] SMALL_WORKERS = {
			"shared-state.pools.reports.jvm-options=-Xmx64m,-XX:TieredStopAtLevel=1",
			"shared-state.pools.reports.worker-output=target/pool-workers.log" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class, SharedPoolAutoConfiguration.class))
		.withPropertyValues(SMALL_WORKERS);

	@Test
	void runWithoutDeclaredPoolsShouldHaveNoPool() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SharedStateAutoConfiguration.class, SharedPoolAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SharedPool.class));
	}

	@Test
	void runWithADeclaredPoolShouldInjectItByNameAndRunTasksInItsWorkersUntilTheContextCloses() {
		long[] worker = new long[1];
		this.contextRunner
			.withPropertyValues("shared-state.pools.reports.processes=1",
					"shared-state.pools.reports.initializer=" + MarkInitialized.class.getName())
			.withBean(ReportService.class)
			.run((context) -> {
				SharedPool pool = context.getBean(ReportService.class).pool;
				assertThat(pool).isSameAs(context.getBean("reports"));
				assertThat(pool.name()).isEqualTo("reports");
				String ran = pool
					.apply(() -> System.getProperty("pool.initialized") + " " + ProcessHandle.current().pid());
				worker[0] = Long.parseLong(ran.substring(ran.indexOf(' ') + 1));
				assertThat(ran).startsWith("yes ");
				assertThat(worker[0]).isNotEqualTo(ProcessHandle.current().pid());
			});
		assertThat(ProcessHandle.of(worker[0]).map(ProcessHandle::isAlive)).as("worker after the context closed")
			.isNotEqualTo(Optional.of(true));
	}

	@Test
	void runWithAnInitializerThatIsNotARunnableClassShouldFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("shared-state.pools.reports.processes=0",
					"shared-state.pools.reports.initializer=com.example.Missing")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("shared-state.pools.reports.initializer"));
	}

	@Test
	void endpointShouldShowThePoolsWithTheirWorkersAndTasks() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SharedStateEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=sharedstate",
					"shared-state.pools.reports.processes=0")
			.run((context) -> {
				List<PoolInfo> pools = context.getBean(SharedStateEndpoint.class).manager().pools();
				assertThat(pools).singleElement().satisfies((pool) -> {
					assertThat(pool.name()).isEqualTo("reports");
					assertThat(pool.state()).isEqualTo("running");
					assertThat(pool.workers()).isEmpty();
					assertThat(pool.queued()).isZero();
				});
			});
	}

	@Test
	void tasksShouldBeTimedByPoolAndOutcomeAndTheQueueAndWorkersGauged() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, SharedStateAutoConfiguration.class,
					SharedPoolAutoConfiguration.class, SharedPoolMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues(SMALL_WORKERS)
			.withPropertyValues("shared-state.pools.reports.processes=1")
			.run((context) -> {
				SharedPool pool = context.getBean(SharedPool.class);
				assertThat(pool.apply(() -> 1)).isEqualTo(1);
				assertThat(pool.submit(() -> {
					throw new IllegalStateException("failed on purpose");
				})).failsWithin(60, TimeUnit.SECONDS);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("sharedstate.pool.tasks")
					.tags("pool", "reports", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("sharedstate.pool.tasks")
					.tags("pool", "reports", "outcome", "error")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("sharedstate.pool.tasks.queued").tags("pool", "reports").gauge().value())
					.isZero();
				assertThat(registry.get("sharedstate.pool.tasks.running").tags("pool", "reports").gauge().value())
					.isZero();
				assertThat(registry.get("sharedstate.pool.workers").tags("pool", "reports").gauge().value())
					.isEqualTo(1);
			});
	}

	@Test
	void runWithoutMicrometerShouldNotHavePoolMetrics() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class,
					SharedPoolAutoConfiguration.class, SharedPoolMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("shared-state.pools.reports.processes=0")
			.run((context) -> assertThat(context).hasSingleBean(SharedPool.class)
				.doesNotHaveBean(SharedPoolMetrics.class));
	}

	static class ReportService {

		final SharedPool pool;

		ReportService(SharedPool reports) {
			this.pool = reports;
		}

	}

}
