package io.sharedstate.client;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.api.MissingClassException;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;

/**
 * Functions run on the server: what happens when the server cannot or may not run them.
 */
class FunctionShippingTests {

	private static final String STANDALONE_SERVER = "io.sharedstate.server.StandaloneServer";

	@Test
	void functionWhoseClassTheServerLacksFailsWithAnErrorSayingSo() {
		String serverClasspath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		try (ChildJvm server = ChildJvm.start(serverClasspath, STANDALONE_SERVER, Map.of("SHARED_STATE_AUTHKEY", "k"),
				"127.0.0.1:0", "io.sharedstate")) {
			String address = server.awaitLine("READY", Duration.ofSeconds(60)).substring("READY ".length());
			try (SharedState client = SharedState
				.connect(ClientOptions.create(Children.address(address), "k").withAllowedPackages("io.sharedstate"))) {
				SharedDict<String, Long> dict = client.dict("d");
				assertThatThrownBy(() -> dict.merge("k", 1L, (a, b) -> a + b)).isInstanceOf(MissingClassException.class)
					.hasMessageContaining(FunctionShippingTests.class.getName())
					.hasMessageContaining("classpath");
				assertThat(dict.put("k", 1L)).isNull();
				assertThat(dict.get("k")).isEqualTo(1L);
			}
		}
	}

	@Test
	void lambdaFromAPackageTheServerDoesNotAllowIsRefused() {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState client = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			SharedDict<String, Long> dict = client.dict("d");
			assertThatThrownBy(() -> dict.merge("k", 1L, (a, b) -> a + b)).isInstanceOf(ClassNotAllowedException.class)
				.hasMessageContaining(FunctionShippingTests.class.getName())
				.hasMessageContaining("'io.sharedstate.client'")
				.hasMessageContaining("allowed packages");
			assertThat(dict.put("k", 1L)).isNull();
		}
	}

	@Test
	void nonSerializableMapFunctionRunsInTheCallerWithTheConcurrentMapLoop() {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState client = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			Map<String, Long> dict = client.dict("d");
			java.util.function.BiFunction<Long, Long, Long> plain = (a, b) -> a + b;
			assertThat(dict.merge("k", 1L, plain)).isEqualTo(1L);
			assertThat(dict.merge("k", 2L, plain)).isEqualTo(3L);
			assertThat(dict.compute("k", (key, old) -> old * 10)).isEqualTo(30L);
			assertThat(dict.computeIfAbsent("new", (key) -> 5L)).isEqualTo(5L);
			assertThat(dict.computeIfPresent("new", (key, old) -> null)).isNull();
			dict.replaceAll((key, old) -> old + 1);
			assertThat(server.<String, Long>dict("d")).containsExactly(Map.entry("k", 31L));
		}
	}

	@Test
	void nonSerializableListFunctionIsRefusedBeforeItIsSent() {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState client = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			List<Long> list = client.list("l");
			java.util.function.Predicate<Long> plain = (n) -> n > 1;
			assertThatThrownBy(() -> list.removeIf(plain)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("serializable");
		}
	}

}
