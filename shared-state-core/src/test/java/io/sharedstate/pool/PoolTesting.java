package io.sharedstate.pool;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings and checks shared by the pool tests: small, quickly started worker JVMs whose
 * output goes to a file under {@code target/}, and waits for processes to be gone.
 */
final class PoolTesting {

	/** How long a pool may take to start its workers on a loaded machine. */
	static final Duration STARTUP = Duration.ofSeconds(90);

	/** How long any single wait of a test may take. */
	static final long WAIT_SECONDS = 60;

	private PoolTesting() {
	}

	/**
	 * Options for a test pool.
	 * @param processes how many worker JVMs
	 * @return the options
	 */
	static PoolOptions options(int processes) {
		return PoolOptions.processes(processes)
			.withJvmOptions("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k")
			.withWorkerOutput(Redirect.appendTo(new File("target/pool-workers.log")));
	}

	/**
	 * Returns the process ids of a pool's workers.
	 * @param pool the pool
	 * @return the pids of the workers that said hello
	 */
	static List<Long> workerPids(SharedPool pool) {
		return pool.info().workers().stream().map(WorkerInfo::pid).filter((pid) -> pid > 0).toList();
	}

	/**
	 * Returns a classpath with this library and its dependencies only, without the tests'
	 * classes.
	 * @return the classpath
	 */
	static String libraryClasspath() {
		return Stream.of("io.sharedstate.SharedState", "com.esotericsoftware.kryo.Kryo", "org.objenesis.Objenesis",
				"com.esotericsoftware.minlog.Log", "com.esotericsoftware.reflectasm.MethodAccess", "org.slf4j.Logger")
			.map(PoolTesting::location)
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String location(String className) {
		try {
			return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
		}
		catch (ClassNotFoundException | URISyntaxException ex) {
			throw new IllegalStateException("Cannot find " + className, ex);
		}
	}

	/**
	 * Waits until a process has exited.
	 * @param pid the process id
	 */
	static void assertExits(long pid) throws Exception {
		Optional<ProcessHandle> process = ProcessHandle.of(pid);
		if (process.isPresent()) {
			process.get().onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %d", pid)
			.isNotEqualTo(Optional.of(true));
	}

}
