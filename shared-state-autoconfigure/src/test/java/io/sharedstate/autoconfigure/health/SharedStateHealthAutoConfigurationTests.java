package io.sharedstate.autoconfigure.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SharedStateHealthAutoConfiguration} and
 * {@link SharedStateHealthIndicator}.
 */
class SharedStateHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SharedStateAutoConfiguration.class, SharedStateHealthAutoConfiguration.class));

	@Test
	void runShouldHaveHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SharedStateHealthIndicator.class));
	}

	@Test
	void runWhenDisabledShouldNotHaveHealthIndicator() {
		this.contextRunner.withPropertyValues("management.health.sharedstate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateHealthIndicator.class));
	}

	@Test
	void runWithoutHealthSupportShouldNotHaveHealthIndicator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(SharedState.class)
				.doesNotHaveBean(SharedStateHealthIndicator.class));
	}

	@Test
	void runWithoutManagerShouldNotHaveHealthIndicator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SharedStateHealthAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateHealthIndicator.class));
	}

	@Test
	void runWithOwnIndicatorShouldBackOff() {
		this.contextRunner.withBean("sharedstateHealthIndicator", HealthIndicator.class, () -> Health.up()::build)
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateHealthIndicator.class));
	}

	@Test
	void healthOfEmbeddedManagerShouldBeUp() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(SharedStateHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("mode", "embedded");
		});
	}

	@Test
	void healthOfServerShouldBeUpWithAddressAndClientCount() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				try (SharedState client = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
					Health health = context.getBean(SharedStateHealthIndicator.class).health();
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("mode", "server")
						.containsEntry("address", Children.hostPort(manager.address()))
						.containsEntry("clients", 1);
				}
			});
	}

	@Test
	void healthOfConnectedClientShouldBeUp() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server)).run((context) -> {
				Health health = context.getBean(SharedStateHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("mode", "client").containsEntry("connected", true);
			});
		}
	}

	@Test
	void healthOfClientWaitingForItsServerShouldBeDownUntilTheServerListens() {
		int port = TestServers.freePort();
		this.contextRunner
			.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:" + port,
					"shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedStateHealthIndicator indicator = context.getBean(SharedStateHealthIndicator.class);
				Health down = indicator.health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsEntry("connected", false)
					.containsEntry("address", "127.0.0.1:" + port)
					.containsKey("reason");
				try (SharedState server = TestServers.start(port)) {
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
				}
			});
	}

}
