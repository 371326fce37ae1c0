package io.sharedstate.autoconfigure.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Process pools declared by properties: {@code shared-state.pools.reports.processes=4}
 * creates a {@link io.sharedstate.pool.SharedPool} bean named {@code reports}.
 */
@ConfigurationProperties("shared-state")
public class SharedPoolProperties {

	/**
	 * Process pools to create, by name; each becomes a SharedPool bean of that name,
	 * closed with the context.
	 */
	private Map<String, Pool> pools = new LinkedHashMap<>();

	public Map<String, Pool> getPools() {
		return this.pools;
	}

	public void setPools(Map<String, Pool> pools) {
		this.pools = pools;
	}

	/**
	 * One pool.
	 */
	public static class Pool {

		/**
		 * Number of worker JVMs the pool starts and keeps running, 0 for a pool served
		 * only by processes that join it; by default one per available processor.
		 */
		private Integer processes;

		/**
		 * JVM options of the worker JVMs, such as -Xmx256m.
		 */
		private List<String> jvmOptions = new ArrayList<>();

		/**
		 * Classpath of the worker JVMs; by default the application's. It must hold the
		 * classes of the tasks.
		 */
		private String classpath;

		/**
		 * Number of tasks a worker JVM runs before it is replaced by a fresh one, 0 for
		 * no limit.
		 */
		private int maxTasksPerChild;

		/**
		 * How long a task may run before it fails and its worker is stopped; no limit
		 * when not set.
		 */
		private Duration taskTimeout;

		/**
		 * Name of a Runnable class, with a public no-argument constructor, that every
		 * worker runs once before its first task.
		 */
		private String initializer;

		/**
		 * Where the output of worker JVMs goes: "inherit" (this application's),
		 * "discard", or the path of a file to append to.
		 */
		private String workerOutput = "inherit";

		public Integer getProcesses() {
			return this.processes;
		}

		public void setProcesses(Integer processes) {
			this.processes = processes;
		}

		public List<String> getJvmOptions() {
			return this.jvmOptions;
		}

		public void setJvmOptions(List<String> jvmOptions) {
			this.jvmOptions = jvmOptions;
		}

		public String getClasspath() {
			return this.classpath;
		}

		public void setClasspath(String classpath) {
			this.classpath = classpath;
		}

		public int getMaxTasksPerChild() {
			return this.maxTasksPerChild;
		}

		public void setMaxTasksPerChild(int maxTasksPerChild) {
			this.maxTasksPerChild = maxTasksPerChild;
		}

		public Duration getTaskTimeout() {
			return this.taskTimeout;
		}

		public void setTaskTimeout(Duration taskTimeout) {
			this.taskTimeout = taskTimeout;
		}

		public String getInitializer() {
			return this.initializer;
		}

		public void setInitializer(String initializer) {
			this.initializer = initializer;
		}

		public String getWorkerOutput() {
			return this.workerOutput;
		}

		public void setWorkerOutput(String workerOutput) {
			this.workerOutput = workerOutput;
		}

	}

}
