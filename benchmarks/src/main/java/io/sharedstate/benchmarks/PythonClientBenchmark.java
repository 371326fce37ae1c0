package io.sharedstate.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.sharedstate.SharedState;
import io.sharedstate.server.ServerOptions;

/**
 * A stock Python client (python3, standard library only) against this manager's Python
 * listener and against Python's own {@code SyncManager} server, in the same run: dict
 * gets, dict sets, and lock acquire+release pairs per second. Rounds alternate between
 * the two servers, so a change in the machine's load hits both alike; the table gives the
 * median of the rounds and the median of the per-round ratios.
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.sharedstate.benchmarks.PythonClientBenchmark
 * </pre>
 *
 * System properties: {@code bench.python} (the interpreter, default {@code python3}),
 * {@code bench.rounds} (5), {@code bench.seconds} (2), {@code bench.warmup} (0.5).
 */
public final class PythonClientBenchmark {

	private static final String AUTHKEY = "benchmark";

	private static final List<String> OPERATIONS = List.of("dict-get", "dict-set", "lock-pair");

	private PythonClientBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String python = System.getProperty("bench.python", "python3");
		int rounds = Integer.getInteger("bench.rounds", 5);
		String seconds = System.getProperty("bench.seconds", "2");
		String warmup = System.getProperty("bench.warmup", "0.5");
		Path driver = Files.createTempFile("shared-state-bench-driver", ".py");
		try (InputStream script = PythonClientBenchmark.class.getResourceAsStream("/python/bench_driver.py")) {
			Files.copy(script, driver, StandardCopyOption.REPLACE_EXISTING);
		}
		Process pythonServer = new ProcessBuilder(python, driver.toString(), "serve", AUTHKEY).start();
		try (SharedState ours = SharedState
			.serve(ServerOptions.create(AUTHKEY).withPythonAddress(new InetSocketAddress("127.0.0.1", 0)))) {
			String pythonPort = new BufferedReader(
					new InputStreamReader(pythonServer.getInputStream(), StandardCharsets.UTF_8))
				.readLine()
				.substring("READY ".length());
			String ourPort = String.valueOf(ours.pythonAddress().getPort());
			System.out.printf("%s, %s; load average %s; %d rounds of %s s per operation and server%n", version(python),
					System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
					ProcStats.loadAverage(), rounds, seconds);
			Map<String, List<Double>> oursRates = new LinkedHashMap<>();
			Map<String, List<Double>> pythonRates = new LinkedHashMap<>();
			for (String operation : OPERATIONS) {
				oursRates.put(operation, new ArrayList<>());
				pythonRates.put(operation, new ArrayList<>());
			}
			// Warms this JVM's server up, as a long-running one is.
			for (String operation : OPERATIONS) {
				run(python, driver, ourPort, operation, warmup, seconds);
			}
			for (int round = 0; round < rounds; round++) {
				for (String operation : OPERATIONS) {
					oursRates.get(operation).add(run(python, driver, ourPort, operation, warmup, seconds));
					pythonRates.get(operation).add(run(python, driver, pythonPort, operation, warmup, seconds));
				}
			}
			System.out.println();
			System.out.println(
					"| operation | Python's manager (ops/s) | shared-state (ops/s) | ratio of medians | median of per-round ratios |");
			System.out.println("| --- | ---: | ---: | ---: | ---: |");
			for (String operation : OPERATIONS) {
				List<Double> theirs = pythonRates.get(operation);
				List<Double> ourRates = oursRates.get(operation);
				List<Double> ratios = new ArrayList<>();
				for (int i = 0; i < rounds; i++) {
					ratios.add(ourRates.get(i) / theirs.get(i));
				}
				System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2fx | %.2fx |%n", operation, median(theirs),
						median(ourRates), median(ourRates) / median(theirs), median(ratios));
			}
			System.out.println();
			System.out.println("rounds (Python's manager / shared-state): ");
			for (String operation : OPERATIONS) {
				System.out
					.println("  " + operation + ": " + pythonRates.get(operation) + " / " + oursRates.get(operation));
			}
			System.out.printf("load average at the end %s%n", ProcStats.loadAverage());
		}
		finally {
			pythonServer.destroyForcibly();
			Files.deleteIfExists(driver);
		}
	}

	private static double run(String python, Path driver, String port, String operation, String warmup, String seconds)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(python, driver.toString(), "run", "127.0.0.1", port, AUTHKEY, operation,
				warmup, seconds)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("The Python driver failed for " + operation + ":\n" + output);
		}
		return output.lines()
			.filter((line) -> line.startsWith("ops="))
			.mapToDouble((line) -> Double.parseDouble(line.substring(4)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No result from the Python driver:\n" + output));
	}

	private static String version(String python) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
		String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		process.waitFor(10, TimeUnit.SECONDS);
		return version;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
