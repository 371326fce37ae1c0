package io.sharedstate.autoconfigure.integration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.messaging.Message;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedStateIntegrationAutoConfiguration},
 * {@link SharedStateLockRegistry} and {@link SharedQueueChannel}; two application
 * contexts, each a client of one server, stand for two processes.
 */
class SharedStateIntegrationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SharedStateAutoConfiguration.class, SharedStateIntegrationAutoConfiguration.class));

	@Test
	void runShouldHaveSharedStateLockRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LockRegistry.class)
			.hasSingleBean(SharedStateLockRegistry.class));
	}

	@Test
	void runWithoutSpringIntegrationShouldNotHaveLockRegistry() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(LockRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(SharedState.class)
				.doesNotHaveBean(SharedStateLockRegistry.class));
	}

	@Test
	void runWithoutManagerShouldNotHaveLockRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SharedStateIntegrationAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LockRegistry.class));
	}

	@Test
	void runWithOwnLockRegistryShouldBackOff() {
		this.contextRunner.withBean(LockRegistry.class, DefaultLockRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(LockRegistry.class)
				.doesNotHaveBean(SharedStateLockRegistry.class));
	}

	@Test
	void locksOfTheSameKeyShouldExcludeEachOtherAcrossApplications() {
		try (SharedState server = TestServers.start()) {
			ApplicationContextRunner clients = this.contextRunner.withPropertyValues(TestServers.clientOf(server));
			clients.run((first) -> clients.run((second) -> {
				Lock held = first.getBean(LockRegistry.class).obtain("invoice-42");
				Lock wanted = second.getBean(LockRegistry.class).obtain("invoice-42");
				held.lock();
				try {
					assertThat(wanted.tryLock()).isFalse();
					assertThat(CompletableFuture.supplyAsync(wanted::tryLock).get(10, TimeUnit.SECONDS)).isFalse();
					assertThat(server.rlock("integration.invoice-42").isLocked()).isTrue();
				}
				finally {
					held.unlock();
				}
				assertThat(wanted.tryLock(10, TimeUnit.SECONDS)).isTrue();
				wanted.unlock();
			}));
		}
	}

	@Test
	void locksShouldBeReentrantWithinOneApplication() {
		this.contextRunner.run((context) -> {
			Lock lock = context.getBean(LockRegistry.class).obtain("invoice-42");
			assertThat(lock.tryLock()).isTrue();
			assertThat(lock.tryLock()).isTrue();
			lock.unlock();
			lock.unlock();
			assertThat(context.getBean(SharedState.class).rlock("integration.invoice-42").isLocked()).isFalse();
		});
	}

	@Test
	void messageSentToASharedQueueChannelShouldBeReceivedInTheOtherApplication() {
		try (SharedState server = TestServers.start()) {
			ApplicationContextRunner clients = this.contextRunner.withPropertyValues(TestServers.clientOf(server))
				.withUserConfiguration(OrdersChannelConfiguration.class);
			clients.run((sender) -> clients.run((receiver) -> {
				Message<String> sent = MessageBuilder.withPayload("order 42").setHeader("tenant", "acme").build();
				assertThat(sender.getBean(SharedQueueChannel.class).send(sent)).isTrue();
				Message<?> received = receiver.getBean(SharedQueueChannel.class).receive(10_000);
				assertThat(received).isNotNull();
				assertThat(received.getPayload()).isEqualTo("order 42");
				assertThat(received.getHeaders()).containsEntry("tenant", "acme");
				assertThat(sender.getBean(SharedQueueChannel.class).receive(0)).isNull();
			}));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersChannelConfiguration {

		@Bean
		SharedQueueChannel orders(SharedState manager) {
			return new SharedQueueChannel(manager, "orders", 0);
		}

	}

}
