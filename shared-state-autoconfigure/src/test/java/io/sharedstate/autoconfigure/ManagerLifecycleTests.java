package io.sharedstate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.spring.Inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The manager's lifecycle in the application's: a server opens to clients once the
 * context is ready and drains in the graceful-shutdown phase; a client closes after the
 * beans that use it.
 */
class ManagerLifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	static volatile CountDownLatch computing;

	static volatile CountDownLatch finishComputing;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class));

	private final ApplicationContextRunner serverRunner = this.contextRunner.withPropertyValues(
			"shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY,
			"shared-state.allowed-packages=io.sharedstate.autoconfigure");

	@BeforeEach
	void newLatches() {
		computing = new CountDownLatch(1);
		finishComputing = new CountDownLatch(1);
	}

	@AfterEach
	void letComputationsFinish() {
		finishComputing.countDown();
	}

	@Test
	void serverListensOnlyOnceEveryBeanIsReady() {
		this.serverRunner.withBean(ServingWhenReady.class).run((context) -> {
			assertThat(context.getBean(ServingWhenReady.class).servingWhenSingletonsWereReady).isFalse();
			SharedState manager = context.getBean(SharedState.class);
			assertThat(manager.isServing()).isTrue();
			try (SharedState client = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
				assertThat(client.dict("early")).containsEntry("written", "before listening");
			}
		});
	}

	@Test
	void serverKeepsTheJvmRunningWhileItServes() throws InterruptedException {
		List<Thread> keepAlive = new ArrayList<>();
		this.serverRunner.run((context) -> {
			Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().equals("shared-state-server-keep-alive"))
				.forEach(keepAlive::add);
			assertThat(keepAlive).singleElement().satisfies((thread) -> assertThat(thread.isDaemon()).isFalse());
		});
		keepAlive.get(0).join(TIMEOUT.toMillis());
		assertThat(keepAlive.get(0).isAlive()).isFalse();
	}

	@Test
	void requestBeingRunWhenTheServerApplicationClosesIsAnsweredBeforeTheConnectionCloses() {
		this.serverRunner.run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			try (SharedState client = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
				CompletableFuture<Long> running = computeSlowly(client);
				CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
				finishComputing.countDown();
				assertThat(running.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(7L);
				closing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				assertThatExceptionOfType(SharedStateUnavailableException.class)
					.isThrownBy(() -> SharedState.connect(ClientOptions.create(manager.address(), TestServers.AUTHKEY)
						.withConnectTimeout(Duration.ofSeconds(2))));
			}
		});
	}

	@Test
	void closingTheServerApplicationWaitsForRunningRequestsNoLongerThanTheShutdownPhaseTimeout() {
		this.serverRunner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=100ms").run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			try (SharedState client = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
				CompletableFuture<Long> running = computeSlowly(client);
				assertTimeoutPreemptively(TIMEOUT, context::close);
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> running.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
					.withCauseInstanceOf(SharedStateConnectionException.class);
			}
		});
	}

	/**
	 * Starts a compute on the server whose function waits for {@link #finishComputing},
	 * and waits until it runs there.
	 */
	private static CompletableFuture<Long> computeSlowly(SharedState client) throws InterruptedException {
		SharedDict<String, Long> dict = client.dict("slow");
		CompletableFuture<Long> running = CompletableFuture
			.supplyAsync(() -> dict.compute("k", (key, old) -> slowlyComputed()));
		assertThat(computing.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		return running;
	}

	private static Long slowlyComputed() {
		computing.countDown();
		try {
			finishComputing.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 7L;
	}

	@Test
	void clientClosesAfterTheBeansThatUseItInTheirDestruction() {
		try (SharedState server = TestServers.start()) {
			this.contextRunner.withPropertyValues(TestServers.clientOf(server))
				.withPropertyValues("shared-state.locks=orders")
				.withBean(WritesOnDestroy.class)
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(server.dict("farewells")).containsEntry("client", "bye");
			// An unlock is sent without waiting for its reply, so it lands a moment
			// later.
			await().atMost(TIMEOUT).until(() -> !server.lock("orders").isLocked());
		}
	}

	static class ServingWhenReady implements SmartInitializingSingleton {

		private final SharedState manager;

		Boolean servingWhenSingletonsWereReady;

		ServingWhenReady(SharedState manager) {
			this.manager = manager;
		}

		@Override
		public void afterSingletonsInstantiated() {
			this.servingWhenSingletonsWereReady = this.manager.isServing();
			this.manager.dict("early").put("written", "before listening");
		}

	}

	static class WritesOnDestroy implements DisposableBean {

		@Inject.SharedDict("farewells")
		Map<String, String> farewells;

		private final Lock orders;

		WritesOnDestroy(Lock orders) {
			this.orders = orders;
		}

		@Override
		public void destroy() {
			this.orders.lock();
			try {
				this.farewells.put("client", "bye");
			}
			finally {
				this.orders.unlock();
			}
		}

	}

}
