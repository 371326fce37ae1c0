package io.sharedstate.python;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sharedstate.SharedState;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;
import io.sharedstate.server.ServerOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stock Python client gets the same results from this manager as from Python's own, for
 * every SyncManager typeid, and every CPython from 3.8 found here connects.
 */
@Timeout(180)
class PythonManagerCompatibilityTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static SharedState server;

	@BeforeAll
	static void serve() {
		server = SharedState
			.serve(ServerOptions.create(Children.AUTHKEY).withPythonAddress(new InetSocketAddress("127.0.0.1", 0)));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void everyTypeidGivesTheResultsOfPythonsOwnManager() {
		Map<String, String> python;
		try (ChildJvm pythonManager = Python.start("python_manager.py", Children.AUTHKEY)) {
			String port = pythonManager.awaitLine("READY", WAIT).substring("READY ".length());
			python = checks(Python.start("every_typeid.py", "127.0.0.1", port, Children.AUTHKEY).await(WAIT));
		}
		Map<String, String> ours = checks(Python
			.start("every_typeid.py", "127.0.0.1", String.valueOf(server.pythonAddress().getPort()), Children.AUTHKEY)
			.await(WAIT));
		assertThat(ours.keySet()).containsExactlyElementsOf(python.keySet());
		Map<String, String> same = new LinkedHashMap<>(ours);
		same.keySet().removeIf((label) -> label.startsWith("differs: "));
		Map<String, String> pythonSame = new LinkedHashMap<>(python);
		pythonSame.keySet().retainAll(same.keySet());
		assertThat(same).containsExactlyEntriesOf(pythonSame);
		assertThat(ours).containsEntry("differs: array bad typecode", "raises ValueError")
			.containsEntry("differs: semaphore negative", "raises ValueError")
			.containsEntry("differs: condition over a lock", "(True,)")
			.containsEntry("differs: Pool", "raises NotImplementedError");
	}

	private static Map<String, String> checks(ChildJvm.Result result) {
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.stdout()).last().isEqualTo("done");
		Map<String, String> checks = new LinkedHashMap<>();
		for (String line : result.stdout().subList(0, result.stdout().size() - 1)) {
			int tab = line.indexOf('\t');
			checks.put(line.substring(0, tab), line.substring(tab + 1));
		}
		return checks;
	}

	@ParameterizedTest(name = "CPython {0}")
	@MethodSource("interpreters")
	void everyPythonVersionConnectsAndUsesTheObjects(String version, String interpreter) {
		ChildJvm.Result result = Python
			.startWith(interpreter, "smoke.py", "127.0.0.1", String.valueOf(server.pythonAddress().getPort()),
					Children.AUTHKEY)
			.await(WAIT);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.value("version")).isEqualTo(version);
		assertThat(result.value("checks")).isEqualTo("(100000, [1, 2], (1, None), True)");
	}

	static Stream<Arguments> interpreters() {
		return Python.interpreters().entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

}
