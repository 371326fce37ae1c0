package io.sharedstate.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.dict.SharedDict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A manager server can be created before it listens, and stopped gracefully: requests
 * being run when it stops are answered before connections close.
 */
class ServerLifecycleTests {

	private static final String KEY = "lifecycle-key";

	static final CountDownLatch entered = new CountDownLatch(1);

	static final CountDownLatch release = new CountDownLatch(1);

	@Test
	void serverCreatedWithoutListeningHostsObjectsAndServesThemOnceStarted() {
		try (SharedState server = SharedState.server(ServerOptions.create(KEY))) {
			assertThat(server.isServing()).isFalse();
			assertThat(server.address()).isNull();
			server.dict("early").put("a", 1L);
			server.startServing();
			assertThat(server.isServing()).isTrue();
			try (SharedState client = SharedState.connect(server.address(), KEY)) {
				assertThat(client.<String, Long>dict("early").get("a")).isEqualTo(1L);
			}
		}
	}

	@Test
	void gracefulStopAnswersTheRequestBeingRunThenRefusesNewClients() throws Exception {
		try (SharedState server = SharedState
			.serve(ServerOptions.create(KEY).withAllowedPackages("io.sharedstate.server"));
				SharedState client = SharedState.connect(server.address(), KEY)) {
			SharedDict<String, Long> dict = client.dict("slow");
			CompletableFuture<Long> running = CompletableFuture
				.supplyAsync(() -> dict.compute("k", (key, old) -> slowlyComputed()));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> stopping = CompletableFuture
				.runAsync(() -> server.stopServing(Duration.ofSeconds(30)));
			release.countDown();
			assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
			stopping.get(10, TimeUnit.SECONDS);
			assertThat(server.isServing()).isFalse();
			assertThat(server.<String, Long>dict("slow").get("k")).as("still usable in this JVM").isEqualTo(7L);
			assertThatExceptionOfType(SharedStateUnavailableException.class).isThrownBy(() -> SharedState
				.connect(ClientOptions.create(server.address(), KEY).withConnectTimeout(Duration.ofSeconds(2)))
				.dict("slow")
				.size());
		}
	}

	private static Long slowlyComputed() {
		entered.countDown();
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 7L;
	}

}
