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
	void nonSerializableFunctionIsRefusedBeforeItIsSent() {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState client = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			SharedDict<String, Long> dict = client.dict("d");
			java.util.function.BiFunction<Long, Long, Long> plain = Long::sum;
			assertThatThrownBy(() -> dict.merge("k", 1L, plain)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("serializable");
		}
	}

}
