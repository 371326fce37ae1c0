package io.sharedstate.python;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;
import io.sharedstate.server.ServerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Starting and stopping a server with a Python listener.
 */
@Timeout(120)
class PythonListenerLifecycleTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void pythonAddressThatCannotBeBoundFailsTheServerWithAMessageSayingSo() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(SharedStateException.class)
				.isThrownBy(() -> SharedState.serve(ServerOptions.create(Children.AUTHKEY)
					.withPythonAddress(new InetSocketAddress("127.0.0.1", taken.getLocalPort()))))
				.withMessageContaining("Cannot listen for Python clients on 127.0.0.1:" + taken.getLocalPort());
		}
	}

	@Test
	void stoppingTheServerEndsWaitingPythonCalls() {
		SharedState server = SharedState
			.serve(ServerOptions.create(Children.AUTHKEY).withPythonAddress(new InetSocketAddress("127.0.0.1", 0)));
		try (ChildJvm python = Python.start("wait_for_item.py", "127.0.0.1",
				String.valueOf(server.pythonAddress().getPort()), Children.AUTHKEY, "never-filled")) {
			python.awaitLine("WAITING", WAIT);
			Python.awaitCondition(() -> Integer.valueOf(1)
				.equals(server.inspector().object("never-filled", 0).orElseThrow().state().get("waitingTakers")));
			server.close();
			ChildJvm.Result result = python.await(WAIT);
			assertThat(result.exitCode()).isNotZero();
			assertThat(result.stderr()).contains("EOFError");
		}
		finally {
			server.close();
		}
	}

}
