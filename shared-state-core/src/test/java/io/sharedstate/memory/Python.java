package io.sharedstate.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs real python3 scripts for the interop tests. The interpreter is {@code python3} on
 * the PATH, or the one the system property {@code sharedstate.test.python} names (to
 * check another version: {@code -Dsharedstate.test.python=python3.13}). When none is
 * installed the tests are skipped with a message saying so (.ci/run installs python3).
 */
final class Python {

	private static final String INTERPRETER = System.getProperty("sharedstate.test.python", "python3");

	private static final long TIMEOUT_SECONDS = 60;

	private static volatile int[] version;

	private Python() {
	}

	/**
	 * Skips the calling test when there is no python3.
	 */
	static void assumeInstalled() {
		Assumptions.assumeTrue(version() != null, () -> "Skipped: '" + INTERPRETER
				+ "' is not installed; the Python interop tests need python3 (.ci/run installs it)");
	}

	/**
	 * Returns the interpreter's major and minor version.
	 * @return the version, or {@code null} when it cannot be run
	 */
	static int[] version() {
		if (version == null) {
			try {
				String[] parts = run("import sys; print(sys.version_info[0], sys.version_info[1])").trim().split(" ");
				version = new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
			}
			catch (IOException | RuntimeException | AssertionError ex) {
				return null;
			}
		}
		return version;
	}

	/**
	 * Returns whether Python's {@code SharedMemory} takes {@code track=False} (3.13+).
	 * @return whether it does
	 */
	static boolean hasTrackParameter() {
		int[] v = version();
		return v[0] > 3 || (v[0] == 3 && v[1] >= 13);
	}

	/**
	 * Runs a script and returns its standard output.
	 * @param script the program
	 * @param args its arguments, {@code sys.argv[1:]}
	 * @return what it printed
	 * @throws AssertionError if it fails or takes too long
	 */
	static String exec(String script, String... args) {
		try {
			return run(script, args);
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot run " + INTERPRETER, ex);
		}
	}

	private static String run(String script, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(INTERPRETER, "-c", script));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).start();
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		try {
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(INTERPRETER + " did not finish within " + TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError(INTERPRETER + " exited with " + process.exitValue() + "\nstdout:\n"
						+ out.join() + "\nstderr:\n" + err.join());
			}
			return out.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new AssertionError("Interrupted waiting for " + INTERPRETER, ex);
		}
	}

	private static String read(java.io.InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
