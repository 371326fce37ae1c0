package io.sharedstate.python;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sharedstate.SharedState;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.server.ServerOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python examples of docs/python-clients.md, run as a user runs them against a server
 * configured as the document says (on a free port instead of 5001).
 */
@Timeout(120)
class PythonClientsDocTests {

	private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL);

	@Test
	void pythonExamplesRunAndJavaSeesWhatTheyWrote() throws IOException {
		List<String> examples = examples(Path.of("..", "docs", "python-clients.md"));
		assertThat(examples).hasSize(2);
		try (SharedState server = SharedState
			.serve(ServerOptions.create("secret").withPythonAddress(new InetSocketAddress("127.0.0.1", 0)))) {
			String port = String.valueOf(server.pythonAddress().getPort());
			for (String example : examples) {
				ChildJvm.Result result = ChildJvm
					.startProcess(List.of(Python.PYTHON3, "-c", example.replace("5001", port)), Map.of(), "example")
					.await(Duration.ofSeconds(60));
				assertThat(result.exitCode()).as(example + "\n" + result.stderr()).isZero();
			}
			assertThat(server.<String, Object>dict("orders").get("o-17")).isEqualTo(Map.of("item", "pen", "qty", 3L));
		}
	}

	private static List<String> examples(Path document) throws IOException {
		Matcher matcher = PYTHON_BLOCK.matcher(Files.readString(document));
		List<String> examples = new ArrayList<>();
		while (matcher.find()) {
			examples.add(matcher.group(1));
		}
		return examples;
	}

}
