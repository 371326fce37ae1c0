package io.sharedstate.pool;

import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.sharedstate.function.SerializableRunnable;

/**
 * How a pool starts and runs its workers, like the arguments of Python's
 * {@code Pool(processes, initializer, initargs, maxtasksperchild)}.
 *
 * @param processes how many worker JVMs the pool starts and keeps running; 0 for a pool
 * served only by processes that join it
 * @param jvmOptions the JVM options of the worker JVMs, such as {@code -Xmx256m}
 * @param classpath the workers' classpath, or {@code null} for this JVM's
 * @param maxTasksPerChild how many tasks a worker JVM the pool started runs before it is
 * replaced by a fresh one, 0 for no limit
 * @param taskTimeout how long a task may run on a worker before it fails with
 * {@link TaskTimeoutException} and its worker is stopped, or {@code null} for no limit
 * @param initializer what every worker runs once before its first task, or {@code null}
 * @param workerOutput where the standard output and error of worker JVMs go
 * @param allowedPackages packages whose classes workers may decode in the values of
 * shared objects (and, for an in-process manager, that the server the pool starts for its
 * workers accepts), on top of the JDK's value types
 */
public record PoolOptions(int processes, List<String> jvmOptions, String classpath, int maxTasksPerChild,
		Duration taskTimeout, SerializableRunnable initializer, Redirect workerOutput, List<String> allowedPackages) {

	public PoolOptions {
		if (processes < 0) {
			throw new IllegalArgumentException("A pool needs 0 or more processes, not " + processes);
		}
		if (maxTasksPerChild < 0) {
			throw new IllegalArgumentException(
					"maxTasksPerChild must be 0 (no limit) or more, not " + maxTasksPerChild);
		}
		if (taskTimeout != null && (taskTimeout.isNegative() || taskTimeout.isZero())) {
			throw new IllegalArgumentException("A task timeout must be positive, not " + taskTimeout);
		}
		jvmOptions = List.copyOf(jvmOptions);
		allowedPackages = List.copyOf(allowedPackages);
		Objects.requireNonNull(workerOutput, "workerOutput is required");
	}

	/**
	 * Creates options with defaults: one worker per available processor, no JVM options,
	 * this JVM's classpath, no task limit, no timeout, no initializer, worker output to
	 * this process's.
	 * @return the options
	 */
	public static PoolOptions defaults() {
		return processes(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * Creates options with defaults and a number of worker JVMs.
	 * @param processes how many worker JVMs to start; 0 for none
	 * @return the options
	 */
	public static PoolOptions processes(int processes) {
		return new PoolOptions(processes, List.of(), null, 0, null, null, Redirect.INHERIT, List.of());
	}

	/**
	 * Returns a copy with another number of worker JVMs.
	 * @param processes how many; 0 for none
	 * @return the copy
	 */
	public PoolOptions withProcesses(int processes) {
		return new PoolOptions(processes, this.jvmOptions, this.classpath, this.maxTasksPerChild, this.taskTimeout,
				this.initializer, this.workerOutput, this.allowedPackages);
	}

	/**
	 * Returns a copy whose worker JVMs start with these options.
	 * @param options JVM options, such as {@code -Xmx256m}
	 * @return the copy
	 */
	public PoolOptions withJvmOptions(String... options) {
		return new PoolOptions(this.processes, List.of(options), this.classpath, this.maxTasksPerChild,
				this.taskTimeout, this.initializer, this.workerOutput, this.allowedPackages);
	}

	/**
	 * Returns a copy whose worker JVMs use another classpath. It must hold this library
	 * and the classes of the tasks.
	 * @param classpath the classpath, entries separated by the platform's separator
	 * @return the copy
	 */
	public PoolOptions withClasspath(String classpath) {
		return new PoolOptions(this.processes, this.jvmOptions, classpath, this.maxTasksPerChild, this.taskTimeout,
				this.initializer, this.workerOutput, this.allowedPackages);
	}

	/**
	 * Returns a copy whose worker JVMs are replaced after running a number of tasks, like
	 * Python's {@code maxtasksperchild}.
	 * @param tasks the number, 0 for no limit
	 * @return the copy
	 */
	public PoolOptions withMaxTasksPerChild(int tasks) {
		return new PoolOptions(this.processes, this.jvmOptions, this.classpath, tasks, this.taskTimeout,
				this.initializer, this.workerOutput, this.allowedPackages);
	}

	/**
	 * Returns a copy with a task timeout.
	 * @param timeout how long a task may run, or {@code null} for no limit
	 * @return the copy
	 */
	public PoolOptions withTaskTimeout(Duration timeout) {
		return new PoolOptions(this.processes, this.jvmOptions, this.classpath, this.maxTasksPerChild, timeout,
				this.initializer, this.workerOutput, this.allowedPackages);
	}

	/**
	 * Returns a copy with an initializer, like Python's {@code initializer} and
	 * {@code initargs} (capture the arguments in the lambda). Every worker, started or
	 * joined, runs it once before its first task; if it throws, the pool is broken.
	 * @param initializer the initializer, or {@code null}
	 * @return the copy
	 */
	public PoolOptions withInitializer(SerializableRunnable initializer) {
		return new PoolOptions(this.processes, this.jvmOptions, this.classpath, this.maxTasksPerChild, this.taskTimeout,
				initializer, this.workerOutput, this.allowedPackages);
	}

	/**
	 * Returns a copy sending the output of worker JVMs elsewhere, such as a file or
	 * {@link Redirect#DISCARD}.
	 * @param output where standard output and error go
	 * @return the copy
	 */
	public PoolOptions withWorkerOutput(Redirect output) {
		return new PoolOptions(this.processes, this.jvmOptions, this.classpath, this.maxTasksPerChild, this.taskTimeout,
				this.initializer, output, this.allowedPackages);
	}

	/**
	 * Returns a copy allowing more packages (subpackages included) in the values workers
	 * read from shared objects.
	 * @param packages package names, such as {@code com.example}
	 * @return the copy
	 */
	public PoolOptions withAllowedPackages(String... packages) {
		return new PoolOptions(this.processes, this.jvmOptions, this.classpath, this.maxTasksPerChild, this.taskTimeout,
				this.initializer, this.workerOutput, List.of(packages));
	}

}
