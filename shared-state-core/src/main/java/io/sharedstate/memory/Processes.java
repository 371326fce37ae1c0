package io.sharedstate.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who a process is, in a form that survives pid reuse: its pid and its start time. A
 * {@link MemoryLock} records its holder this way, and a waiter asks whether that very
 * process still runs. On Linux the start time is field 22 of {@code /proc/<pid>/stat}
 * (clock ticks since boot); elsewhere it is what
 * {@link ProcessHandle.Info#startInstant()} gives, in milliseconds.
 */
final class Processes {

	/** Pids take the top bits of an owner key; Linux pids are below 2^22. */
	static final int PID_BITS = 22;

	private static final int START_BITS = Long.SIZE - PID_BITS;

	private static final long START_MASK = (1L << START_BITS) - 1;

	private static final Path PROC = Path.of("/proc");

	private static final long CURRENT_KEY = currentKey();

	private Processes() {
	}

	/**
	 * Returns this process's owner key.
	 * @return a non-zero key
	 */
	static long current() {
		return CURRENT_KEY;
	}

	/**
	 * Returns the pid inside an owner key.
	 * @param key the key
	 * @return the pid
	 */
	static long pid(long key) {
		return key >>> START_BITS;
	}

	/**
	 * Returns whether the process an owner key names still runs: a process with that pid
	 * exists, is not a zombie, and started when the key says.
	 * @param key the key
	 * @return whether it runs
	 */
	static boolean isAlive(long key) {
		long start = startTime(pid(key));
		return start >= 0 && (start & START_MASK) == (key & START_MASK);
	}

	private static long currentKey() {
		long pid = ProcessHandle.current().pid();
		if (pid <= 0 || pid >= (1L << PID_BITS)) {
			throw new IllegalStateException("Process id " + pid + " does not fit the " + PID_BITS
					+ " bits a shared memory lock records; raise no pid above 2^22 (Linux's pid_max limit)");
		}
		long start = startTime(pid);
		if (start < 0) {
			throw new IllegalStateException("Cannot tell when this process (pid " + pid + ") started");
		}
		return (pid << START_BITS) | (start & START_MASK);
	}

	/**
	 * Returns when a process started.
	 * @param pid the process id
	 * @return its start time, or -1 if no such process runs
	 */
	static long startTime(long pid) {
		if (Files.isDirectory(PROC)) {
			return procStartTime(pid);
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.flatMap((process) -> process.info().startInstant())
			.map((instant) -> instant.toEpochMilli())
			.orElse(-1L);
	}

	private static long procStartTime(long pid) {
		String stat;
		try {
			stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
		}
		catch (IOException ex) {
			return -1;
		}
		// "pid (comm) state ppid ...": comm may hold spaces and parentheses, so fields
		// are counted from the last ')'; field 3 is the state, field 22 the start time.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		char state = fields[0].charAt(0);
		if (state == 'Z' || state == 'X') {
			return -1;
		}
		return Long.parseLong(fields[22 - 3]);
	}

}
