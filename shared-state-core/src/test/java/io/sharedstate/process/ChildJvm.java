package io.sharedstate.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM started on this JVM's classpath, running a main class. Its standard
 * output is collected line by line so tests can wait for a line ("READY ...") or read
 * everything once it has exited. Children are killed when the test JVM exits.
 */
public final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final String name;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<String> output = new ArrayList<>();

	private final StringBuilder errors = new StringBuilder();

	private final Thread outReader;

	private final Thread errReader;

	private ChildJvm(Process process, String name) {
		this.process = process;
		this.name = name;
		this.outReader = pump("out", process.getInputStream(), (line) -> {
			synchronized (this.output) {
				this.output.add(line);
			}
			this.lines.add(line);
		});
		this.errReader = pump("err", process.getErrorStream(), (line) -> {
			synchronized (this.errors) {
				this.errors.append(line).append('\n');
			}
		});
	}

	/**
	 * Starts a child JVM.
	 * @param mainClass the class whose {@code main} to run
	 * @param environment extra environment variables
	 * @param args the program arguments
	 * @return the running child
	 */
	public static ChildJvm start(Class<?> mainClass, Map<String, String> environment, String... args) {
		return start(System.getProperty("java.class.path"), mainClass.getName(), environment, args);
	}

	/**
	 * Starts a child JVM on a given classpath.
	 * @param classpath the classpath
	 * @param mainClass the name of the class whose {@code main} to run
	 * @param environment extra environment variables
	 * @param args the program arguments
	 * @return the running child
	 */
	public static ChildJvm start(String classpath, String mainClass, Map<String, String> environment, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(List.of(args));
		return startProcess(command, environment, mainClass.substring(mainClass.lastIndexOf('.') + 1));
	}

	/**
	 * Starts any child process, such as a Python interpreter, with the same handling of
	 * its output.
	 * @param command the command and its arguments
	 * @param environment extra environment variables
	 * @param name what to call it in messages
	 * @return the running child
	 */
	public static ChildJvm startProcess(List<String> command, Map<String, String> environment, String name) {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			ChildJvm child = new ChildJvm(process, name + "[" + process.pid() + "]");
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			return child;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + String.join(" ", command), ex);
		}
	}

	/**
	 * Returns the child's process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Waits for a line of output that starts with a prefix.
	 * @param prefix the prefix
	 * @param timeout how long to wait
	 * @return the line
	 * @throws AssertionError if the child exits or the time passes first
	 */
	public String awaitLine(String prefix, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				String line = this.lines.poll(50, TimeUnit.MILLISECONDS);
				if (line != null && line.startsWith(prefix)) {
					return line;
				}
				if (line == null && !this.process.isAlive() && this.lines.isEmpty()) {
					this.outReader.join(1000);
					if (this.lines.isEmpty()) {
						throw new AssertionError(this.name + " exited with " + this.process.exitValue()
								+ " before printing '" + prefix + "'\n" + describe());
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted waiting for " + this.name, ex);
		}
		throw new AssertionError(this.name + " did not print '" + prefix + "' within " + timeout + "\n" + describe());
	}

	/**
	 * Waits for the child to exit and returns what it printed.
	 * @param timeout how long to wait
	 * @return the result
	 * @throws AssertionError if it does not exit in time (it is then killed)
	 */
	public Result await(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError(this.name + " did not exit within " + timeout + "\n" + describe());
			}
			this.outReader.join(5000);
			this.errReader.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted waiting for " + this.name, ex);
		}
		synchronized (this.output) {
			return new Result(this.process.exitValue(), List.copyOf(this.output), stderr());
		}
	}

	/**
	 * Kills the child at once, like {@code kill -9}.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private String stderr() {
		synchronized (this.errors) {
			return this.errors.toString();
		}
	}

	private String describe() {
		synchronized (this.output) {
			return "stdout:\n" + String.join("\n", this.output) + "\nstderr:\n" + stderr();
		}
	}

	private Thread pump(String stream, java.io.InputStream in, java.util.function.Consumer<String> sink) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					sink.accept(line);
				}
			}
			catch (IOException ex) {
				// the child is gone; what it printed is kept
			}
		}, "child-" + stream + "-" + this.process.pid());
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * What a child printed and how it exited.
	 *
	 * @param exitCode the exit code
	 * @param stdout the lines of standard output
	 * @param stderr standard error
	 */
	public record Result(int exitCode, List<String> stdout, String stderr) {

		/**
		 * Returns the value of the last line {@code key=value}.
		 * @param key the key
		 * @return the value
		 * @throws AssertionError if no such line was printed
		 */
		public String value(String key) {
			for (int i = this.stdout.size() - 1; i >= 0; i--) {
				if (this.stdout.get(i).startsWith(key + "=")) {
					return this.stdout.get(i).substring(key.length() + 1);
				}
			}
			throw new AssertionError(
					"No line '" + key + "=...' in\n" + String.join("\n", this.stdout) + "\n" + this.stderr);
		}

		/**
		 * Asserts the child exited with 0.
		 * @return this result
		 */
		public Result assertSuccess() {
			if (this.exitCode != 0) {
				throw new AssertionError("Child exited with " + this.exitCode + "\nstdout:\n"
						+ String.join("\n", this.stdout) + "\nstderr:\n" + this.stderr);
			}
			return this;
		}

	}

}
