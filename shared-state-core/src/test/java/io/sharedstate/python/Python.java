package io.sharedstate.python;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.sharedstate.process.ChildJvm;

/**
 * Runs the Python scripts of {@code src/test/resources/python} with real interpreters:
 * {@code python3} (which {@code .ci/run} installs when missing), and for the handshake
 * tests every CPython 3.8+ found on this machine.
 */
final class Python {

	static final String PYTHON3 = "python3";

	private Python() {
	}

	/**
	 * Starts a script.
	 * @param interpreter the interpreter's command
	 * @param script the script's file name in the test resources
	 * @param args its arguments
	 * @return the running process
	 */
	static ChildJvm startWith(String interpreter, String script, String... args) {
		List<String> command = new ArrayList<>(List.of(interpreter, "-u", script(script).toString()));
		command.addAll(List.of(args));
		return ChildJvm.startProcess(command, Map.of(), script);
	}

	/**
	 * Starts a script with {@code python3}.
	 * @param script the script's file name in the test resources
	 * @param args its arguments
	 * @return the running process
	 */
	static ChildJvm start(String script, String... args) {
		return startWith(PYTHON3, script, args);
	}

	/**
	 * Waits until a condition holds, checking it every few milliseconds.
	 * @param condition the condition
	 * @throws AssertionError if it does not hold within a minute
	 */
	static void awaitCondition(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within a minute");
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static Path script(String name) {
		try {
			return Path.of(Python.class.getResource("/python/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new IllegalStateException("No Python test script " + name, ex);
		}
	}

	/**
	 * Returns the CPython interpreters 3.8 and later found on this machine: the
	 * {@code python3.N} commands on the path, and the versions pyenv installed, by
	 * version.
	 * @return version (such as {@code 3.11.7}) to interpreter
	 */
	static Map<String, String> interpreters() {
		List<String> candidates = new ArrayList<>();
		candidates.add(PYTHON3);
		for (int minor = 8; minor <= 14; minor++) {
			candidates.add("python3." + minor);
		}
		String pyenv = System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv");
		Path versions = Path.of(pyenv, "versions");
		if (Files.isDirectory(versions)) {
			try (Stream<Path> installed = Files.list(versions)) {
				installed.map((version) -> version.resolve("bin/python3"))
					.filter(Files::isExecutable)
					.sorted()
					.forEach((python) -> candidates.add(python.toString()));
			}
			catch (IOException ex) {
				// no pyenv versions to add
			}
		}
		Map<String, String> found = new LinkedHashMap<>();
		for (String candidate : candidates) {
			String version = version(candidate);
			if (version != null && !found.containsKey(version)) {
				String[] parts = version.split("\\.");
				if (parts.length >= 2 && Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= 8) {
					found.put(version, candidate);
				}
			}
		}
		return found;
	}

	private static String version(String interpreter) {
		try {
			Process process = new ProcessBuilder(interpreter, "-c", "import platform; print(platform.python_version())")
				.redirectErrorStream(true)
				.start();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (process.exitValue() == 0 && output.matches("\\d+\\.\\d+\\.\\d+.*")) ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
