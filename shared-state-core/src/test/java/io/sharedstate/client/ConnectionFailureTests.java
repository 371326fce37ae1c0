package io.sharedstate.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateTimeoutException;
import io.sharedstate.api.SharedStateUnavailableException;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a client sees when its server is missing, dies, hangs or comes back.
 */
class ConnectionFailureTests {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	@Test
	void refusedConnectionIsReportedAtOnceWithItsAddressAsRefused() throws IOException {
		int port = freePort();
		ClientOptions options = ClientOptions
			.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "key")
			.withConnectTimeout(Duration.ofMillis(700));
		assertThatThrownBy(() -> SharedState.connect(options)).isInstanceOf(SharedStateUnavailableException.class)
			.hasMessageContaining(":" + port)
			.hasMessageContaining("refused");
	}

	@Test
	void serverKilledDuringACallFailsTheCallAndTheClientReconnectsWhenItIsBack() throws Exception {
		int port = freePort();
		ChildJvm server = startServer(port);
		try (SharedState client = Children.connect("127.0.0.1:" + port)) {
			SharedDict<String, Integer> dict = client.dict("survivor");
			dict.put("before", 1);
			SharedCounter started = client.counter("slow-started");
			CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> dict.compute("slow", (key, value) -> {
				started.incrementAndGet(); // runs on the server: the call is in progress
											// there
				return sleepThen(10_000, 1);
			}));
			try (SharedState watcher = Children.connect("127.0.0.1:" + port)) {
				// Another connection: the server answers this one's requests in order,
				// after the compute.
				SharedCounter startedSeenElsewhere = watcher.counter("slow-started");
				awaitTrue(() -> startedSeenElsewhere.get() == 1);
			}
			server.kill();

			assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
				.hasCauseInstanceOf(SharedStateConnectionException.class)
				.hasMessageContaining("127.0.0.1:" + port)
				.hasMessageContaining("may or may not have taken effect");
			assertThatThrownBy(() -> dict.get("before")).isInstanceOf(SharedStateUnavailableException.class);

			server = startServer(port);
			assertThat(dict.get("before")).as("a restart loses every object").isNull();
			dict.put("after", 2);
			assertThat(dict.get("after")).isEqualTo(2);
			assertThat(client.<String, Integer>dict("created-after-restart").put("k", 3)).isNull();
		}
		finally {
			server.close();
		}
	}

	@Test
	void callWithoutAReplyInTimeFailsWithATimeoutAndTheConnectionStaysUsable() throws Exception {
		int port = freePort();
		try (ChildJvm server = startServer(port);
				SharedState client = SharedState
					.connect(ClientOptions.create(Children.address("127.0.0.1:" + port), Children.AUTHKEY)
						.withAllowedPackages("io.sharedstate")
						.withCallTimeout(Duration.ofMillis(500)))) {
			SharedDict<String, Integer> dict = client.dict("slow");
			assertThatThrownBy(() -> dict.compute("k", (key, value) -> sleepThen(1500, 1)))
				.isInstanceOf(SharedStateTimeoutException.class)
				.hasMessageContaining("500 ms");
			awaitTrue(() -> dict.get("k") != null);
			assertThat(dict.get("k")).isEqualTo(1);
			assertThat(dict.put("k", 2)).isEqualTo(1);
		}
	}

	@Test
	void closedClientRefusesCallsWithAClearMessage() throws Exception {
		try (SharedState server = SharedState.serve("key")) {
			SharedState client = SharedState.connect(server.address(), "key");
			SharedDict<String, Integer> dict = client.dict("d");
			client.close();
			assertThatThrownBy(() -> dict.get("x")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("closed");
		}
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 30 s");
			}
			Thread.sleep(20);
		}
	}

	private static <T> T sleepThen(long millis, T value) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return value;
	}

	private static ChildJvm startServer(int port) {
		ChildJvm server = ChildJvm.start(serverMain(), Map.of(), String.valueOf(port), Children.AUTHKEY);
		server.awaitLine("READY", STARTUP);
		return server;
	}

	private static Class<?> serverMain() {
		try {
			return Class.forName("io.sharedstate.process.ChildMains$Server");
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
