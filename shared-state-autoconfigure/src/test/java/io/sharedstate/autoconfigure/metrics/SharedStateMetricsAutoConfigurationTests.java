package io.sharedstate.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.support.locks.LockRegistry;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;
import io.sharedstate.autoconfigure.integration.SharedStateIntegrationAutoConfiguration;
import io.sharedstate.semaphore.SharedSemaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link SharedStateMetricsAutoConfiguration} and {@link SharedStateMetrics}.
 */
class SharedStateMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, SharedStateAutoConfiguration.class,
				SharedStateMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void runWithMeterRegistryShouldHaveMetrics() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SharedStateMetrics.class));
	}

	@Test
	void runWithoutMeterRegistryShouldNotHaveMetrics() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class,
					SharedStateMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(SharedState.class)
				.doesNotHaveBean(SharedStateMetrics.class));
	}

	@Test
	void runWithoutMicrometerShouldNotHaveMetrics() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateMetrics.class));
	}

	@Test
	void runWithoutManagerShouldNotHaveMetrics() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SharedStateMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateMetrics.class));
	}

	@Test
	void operationsInClientModeShouldBeTimedByTypeOperationAndOutcome() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server)).run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				manager.dict("greetings").put("en", "hello");
				manager.dict("greetings").put("fr", "bonjour");
				SharedSemaphore permits = manager.boundedSemaphore("permits", 1);
				assertThatException().isThrownBy(permits::release);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Timer puts = registry.get("sharedstate.client.requests")
					.tags("type", "dict", "operation", "put", "outcome", "success")
					.timer();
				assertThat(puts.count()).isEqualTo(2);
				Timer refused = registry.get("sharedstate.client.requests")
					.tags("type", "bounded semaphore", "operation", "release", "outcome", "error")
					.timer();
				assertThat(refused.count()).isOne();
				assertThat(registry.find("sharedstate.server.requests").meters()).isEmpty();
			});
		}
	}

	@Test
	void requestsServedInServerModeShouldBeTimedUnderTheServerMeter() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				try (SharedState client = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
					client.dict("greetings").put("en", "hello");
					client.dict("greetings").put("fr", "bonjour");
				}
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Timer puts = registry.get("sharedstate.server.requests")
					.tags("type", "dict", "operation", "put", "outcome", "success")
					.timer();
				assertThat(puts.count()).isEqualTo(2);
				assertThat(registry.find("sharedstate.client.requests").meters()).isEmpty();
			});
	}

	@Test
	void lockRegistryKeysShouldShareOneNameTag() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SharedStateIntegrationAutoConfiguration.class))
			.run((context) -> {
				LockRegistry<?> locks = context.getBean(LockRegistry.class);
				for (int invoice = 0; invoice < 5; invoice++) {
					Lock lock = locks.obtain("invoice-" + invoice);
					lock.lock();
					lock.unlock();
				}
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("sharedstate.lock.held").timers()).singleElement()
					.satisfies((held) -> assertThat(held.getId().getTag("name")).isEqualTo("integration.*"))
					.satisfies((held) -> assertThat(held.count()).isEqualTo(5));
				assertThat(registry.find("sharedstate.lock.wait").timers()).hasSize(1);
			});
	}

	@Test
	void namesBeyondTheLimitShouldShareTheOtherTag() {
		this.contextRunner.withPropertyValues("shared-state.metrics.max-names=2").run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			for (String name : List.of("orders", "invoices", "order-17", "order-18", "orders")) {
				Lock lock = manager.lock(name);
				lock.lock();
				lock.unlock();
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("sharedstate.lock.held").tag("name", "orders").timer().count()).isEqualTo(2);
			assertThat(registry.get("sharedstate.lock.held").tag("name", "invoices").timer().count()).isOne();
			assertThat(registry.get("sharedstate.lock.held").tag("name", "other").timer().count()).isEqualTo(2);
			assertThat(registry.find("sharedstate.lock.held").timers()).hasSize(3);
		});
	}

	@Test
	void queueSizeGaugeOfTheOtherTagShouldAddUpItsQueues() {
		this.contextRunner.withPropertyValues("shared-state.metrics.max-names=1").run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			manager.<String>queue("jobs", 0).addAll(List.of("a", "b"));
			registry.get("sharedstate.objects").gauge().value();
			manager.<String>queue("retries", 0).add("c");
			manager.<String>queue("dead-letters", 0).addAll(List.of("d", "e"));
			registry.get("sharedstate.objects").gauge().value();
			assertThat(registry.get("sharedstate.queue.size").tag("name", "jobs").gauge().value()).isEqualTo(2);
			assertThat(registry.get("sharedstate.queue.size").tag("name", "other").gauge().value()).isEqualTo(3);
			assertThat(registry.find("sharedstate.queue.size").gauges()).hasSize(2);
		});
	}

	@Test
	void lockWaitsAndHoldsShouldBeTimedByLockName() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server)).run((context) -> {
				Lock orders = context.getBean(SharedState.class).lock("orders");
				orders.lock();
				Thread.sleep(20);
				orders.unlock();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("sharedstate.lock.wait").tag("name", "orders").timer().count()).isOne();
				Timer held = registry.get("sharedstate.lock.held").tag("name", "orders").timer();
				assertThat(held.count()).isOne();
				assertThat(held.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
			});
		}
	}

	@Test
	void lockWaitsAndHoldsOfAnEmbeddedManagerShouldBeTimed() {
		this.contextRunner.run((context) -> {
			Lock orders = context.getBean(SharedState.class).lock("orders");
			orders.lock();
			orders.unlock();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("sharedstate.lock.wait").tag("name", "orders").timer().count()).isOne();
			assertThat(registry.get("sharedstate.lock.held").tag("name", "orders").timer().count()).isOne();
		});
	}

	@Test
	void objectsGaugeShouldCountLiveObjects() {
		this.contextRunner.run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			manager.dict("greetings");
			manager.list("names");
			manager.counter("visits");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("sharedstate.objects").gauge().value()).isEqualTo(3);
		});
	}

	@Test
	void clientsGaugeInServerModeShouldCountConnectedClients() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("sharedstate.clients").gauge().value()).isZero();
				try (SharedState first = SharedState.connect(manager.address(), TestServers.AUTHKEY);
						SharedState second = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
					assertThat(registry.get("sharedstate.clients").gauge().value()).isEqualTo(2);
				}
			});
	}

	@Test
	void queueSizeGaugeShouldShowItemsOfEachQueue() {
		this.contextRunner.run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			manager.<String>queue("jobs", 0).addAll(List.of("a", "b"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			registry.get("sharedstate.objects").gauge().value();
			assertThat(registry.get("sharedstate.queue.size").tag("name", "jobs").gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void gaugesOfClientWaitingForItsServerShouldBeZero() {
		this.contextRunner
			.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:" + TestServers.freePort(),
					"shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("sharedstate.objects").gauge().value()).isZero();
				assertThat(registry.get("sharedstate.clients").gauge().value()).isZero();
			});
	}

}
