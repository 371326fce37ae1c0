package io.sharedstate.python;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sharedstate.SharedState;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;
import io.sharedstate.server.StandaloneServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code StandaloneServer --python}, as a user runs it from the command line.
 */
@Timeout(120)
class StandaloneServerWithPythonTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void printsBothAddressesAndServesPythonAndJavaClients() {
		try (ChildJvm server = ChildJvm.start(StandaloneServer.class, Map.of("SHARED_STATE_AUTHKEY", "k"),
				"127.0.0.1:0", "--python", "127.0.0.1:0")) {
			String java = server.awaitLine("READY ", WAIT).substring("READY ".length());
			String python = server.awaitLine("PYTHON ", WAIT).substring("PYTHON ".length());
			String port = python.substring(python.lastIndexOf(':') + 1);
			try (SharedState client = SharedState.connect(ClientOptions.create(Children.address(java), "k"));
					ChildJvm worker = Python.start("lock_worker.py", "127.0.0.1", port, "k", "100")) {
				client.<String, Long>dict("counter").put("count", 0L);
				worker.awaitLine("READY", WAIT);
				client.event("start").set();
				assertThat(worker.await(WAIT).exitCode()).isZero();
				assertThat(client.<String, Long>dict("counter").get("count")).isEqualTo(100L);
			}
		}
	}

}
