package io.sharedstate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Context-switch counts from Linux's {@code /proc}: voluntary plus nonvoluntary, of a
 * whole process (summed over its threads, since {@code /proc/<pid>/status} alone counts
 * only the main thread) or of one thread.
 */
final class ProcStats {

	private ProcStats() {
	}

	/**
	 * Returns whether the counts can be read here.
	 * @return whether {@code /proc/thread-self/status} exists
	 */
	static boolean available() {
		return Files.isReadable(Path.of("/proc/thread-self/status"));
	}

	/**
	 * Context switches of every live thread of a process.
	 * @param pid the process
	 * @return the sum, or -1 if unreadable
	 */
	static long processSwitches(long pid) {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			return tasks.mapToLong((task) -> switches(task.resolve("status"))).filter((n) -> n >= 0).sum();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Context switches of the calling thread.
	 * @return the count, or -1 if unreadable
	 */
	static long currentThreadSwitches() {
		return switches(Path.of("/proc/thread-self/status"));
	}

	/**
	 * Context switches of the live threads of a process whose name starts with a prefix
	 * (Linux keeps the first 15 characters of a Java thread's name).
	 * @param pid the process
	 * @param namePrefix the prefix
	 * @return the sum, or -1 if no such thread
	 */
	static long threadSwitches(long pid, String namePrefix) {
		String prefix = namePrefix.substring(0, Math.min(15, namePrefix.length()));
		long total = -1;
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String name;
				try {
					name = Files.readString(task.resolve("comm")).trim();
				}
				catch (IOException ex) {
					continue;
				}
				if (name.startsWith(prefix)) {
					long n = switches(task.resolve("status"));
					if (n >= 0) {
						total = Math.max(total, 0) + n;
					}
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return total;
	}

	/**
	 * The CPUs this process may run on.
	 * @return e.g. {@code 0-1}, or {@code ?}
	 */
	static String allowedCpus() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("Cpus_allowed_list:")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "?";
	}

	/**
	 * The machine's load averages, to show whether something else ran during a run.
	 * @return the first three fields of {@code /proc/loadavg}, or {@code ?}
	 */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	private static long switches(Path status) {
		try {
			long total = 0;
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
					total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
				}
			}
			return total;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
