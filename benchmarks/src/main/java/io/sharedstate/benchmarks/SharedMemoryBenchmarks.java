package io.sharedstate.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.sharedstate.memory.RawArray;
import io.sharedstate.memory.RawValue;
import io.sharedstate.memory.ShareableList;
import io.sharedstate.memory.SharedMemory;
import io.sharedstate.memory.Value;

/**
 * Same-host shared memory, measured in its own labelled run: atomic increments from two
 * JVMs beside an {@link AtomicLong} under the same contention in one JVM, synchronized
 * {@link Value} increments, a ping-pong between two JVMs beside the same ping-pong on a
 * plain mapping, and {@link ShareableList} get/set beside Python's own ShareableList
 * (python3 subprocess). See docs/shared-memory.md.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.sharedstate.benchmarks.SharedMemoryBenchmarks
 * </pre>
 *
 * System properties: {@code bench.seconds} (one round of one row, default 1),
 * {@code bench.rounds} (default 5), {@code bench.python} (default python3). Rows run
 * interleaved round by round, so per-round ratios survive changes in the machine's load.
 */
public final class SharedMemoryBenchmarks {

	private static final String RAW_INCREMENT = "RawValue.getAndAdd, 2 JVMs x 1 thread";

	private static final String ATOMIC_LONG = "AtomicLong.getAndAdd, 1 JVM x 2 threads";

	private static final String RAW_IN_PROCESS = "RawValue.getAndAdd, 1 JVM x 2 threads";

	private static final String LOCKED_INCREMENT = "Value increment under getLock(), 2 JVMs";

	private static final String LOCKED_ALONE = "Value increment under getLock(), 1 JVM";

	private static final String PING_PONG = "ping-pong round trip, RawValue, 2 JVMs";

	private static final String RAW_PING_PONG = "ping-pong round trip, plain mapping, 2 JVMs";

	private static final String LIST_GET = "ShareableList.get (int items), Java";

	private static final String LIST_SET = "ShareableList.set (int items), Java";

	private static final String PYTHON_GET = "ShareableList get (int items), Python";

	private static final String PYTHON_SET = "ShareableList set (int items), Python";

	private static final int ITEMS = 1024;

	private final long nanos = (long) (Double.parseDouble(System.getProperty("bench.seconds", "1")) * 1e9);

	private final int rounds = Integer.parseInt(System.getProperty("bench.rounds", "5"));

	private final String python = System.getProperty("bench.python", "python3");

	private final Map<String, double[]> rates = new LinkedHashMap<>();

	private final List<String> checks = new ArrayList<>();

	private RawArray control;

	private SharedMemory data;

	private Value value;

	private ShareableList list;

	private Path pythonScript;

	private long sequence;

	public static void main(String[] args) throws Exception {
		new SharedMemoryBenchmarks().run();
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		String loadAtStart = ProcStats.loadAverage();
		System.out.printf(Locale.ROOT,
				"shared-state shared-memory benchmarks: Java %s, %d CPUs available, affinity %s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				ProcStats.allowedCpus());
		System.out.printf(Locale.ROOT,
				"one warm-up round, then %d rounds of %.1f s per row, interleaved; median reported%n", this.rounds,
				this.nanos / 1e9);
		String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		this.control = RawArray.create(prefix + "control", 'q', 8);
		this.data = SharedMemory.create(prefix + "data", MemoryWorker.DATA_SIZE);
		this.value = Value.create(prefix + "value", 'q');
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < ITEMS; i++) {
			items.add((long) i);
		}
		this.list = ShareableList.create(prefix + "list", items);
		this.pythonScript = pythonScript();
		Process worker = startWorker();
		try {
			for (int round = -1; round < this.rounds; round++) {
				System.out.println((round < 0) ? "  warming up" : "  round " + (round + 1));
				measureRound(Math.max(round, 0));
			}
		}
		finally {
			command(MemoryWorker.EXIT);
			worker.waitFor(10, TimeUnit.SECONDS);
			for (SharedMemory block : List.of(this.control.block(), this.data, this.value.block(), this.list.block())) {
				block.unlink();
				block.close();
			}
			Files.deleteIfExists(this.pythonScript);
		}
		print();
		System.out.printf(Locale.ROOT, "%ntotal time %.0f s; load average (1, 5, 15 min) at start %s, at end %s%n",
				(System.nanoTime() - started) / 1e9, loadAtStart, ProcStats.loadAverage());
	}

	private void measureRound(int round) throws Exception {
		RawValue counter = RawValue.of(this.data, 'q', MemoryWorker.COUNTER);
		record(RAW_INCREMENT, round, twoJvms(MemoryWorker.INCREMENT, counter, () -> {
			long deadline = System.nanoTime() + this.nanos;
			return MemoryWorker.increment(counter, deadline);
		}));
		record(ATOMIC_LONG, round, twoThreads(() -> {
			AtomicLong atomic = new AtomicLong();
			long deadline = System.nanoTime() + this.nanos;
			return () -> atomicIncrements(atomic, deadline);
		}));
		record(RAW_IN_PROCESS, round, twoThreads(() -> {
			long deadline = System.nanoTime() + this.nanos;
			return () -> MemoryWorker.increment(counter, deadline);
		}));
		RawValue locked = this.value.raw();
		record(LOCKED_INCREMENT, round, twoJvms(MemoryWorker.LOCKED_INCREMENT, locked,
				() -> MemoryWorker.lockedIncrement(this.value, System.nanoTime() + this.nanos)));
		record(LOCKED_ALONE, round,
				alone(() -> MemoryWorker.lockedIncrement(this.value, System.nanoTime() + this.nanos)));
		RawValue ping = RawValue.of(this.data, 'q', MemoryWorker.PING);
		RawValue pong = RawValue.of(this.data, 'q', MemoryWorker.PONG);
		record(PING_PONG, round, pingPong(MemoryWorker.ECHO, () -> {
			long deadline = System.nanoTime() + this.nanos;
			long trips = 0;
			do {
				for (int i = 0; i < 64; i++) {
					long next = ++trips;
					ping.set(next);
					while (pong.get() != next) {
						Thread.onSpinWait();
					}
				}
			}
			while (System.nanoTime() < deadline);
			ping.set(-1);
			return trips;
		}));
		ByteBuffer mapping = MemoryWorker.rawMapping(this.data);
		VarHandle longs = MemoryWorker.longs();
		record(RAW_PING_PONG, round, pingPong(MemoryWorker.RAW_ECHO, () -> {
			long deadline = System.nanoTime() + this.nanos;
			long trips = 0;
			do {
				for (int i = 0; i < 64; i++) {
					long next = ++trips;
					longs.setVolatile(mapping, (int) MemoryWorker.PING, next);
					while ((long) longs.getVolatile(mapping, (int) MemoryWorker.PONG) != next) {
						Thread.onSpinWait();
					}
				}
			}
			while (System.nanoTime() < deadline);
			longs.setVolatile(mapping, (int) MemoryWorker.PING, -1L);
			return trips;
		}));
		record(LIST_GET, round, alone(() -> {
			long deadline = System.nanoTime() + this.nanos;
			long ops = 0;
			long sum = 0;
			do {
				for (int i = 0; i < ITEMS; i++) {
					sum += (Long) this.list.get(i);
				}
				ops += ITEMS;
			}
			while (System.nanoTime() < deadline);
			Harness.sink += sum;
			return ops;
		}));
		record(LIST_SET, round, alone(() -> {
			long deadline = System.nanoTime() + this.nanos;
			long ops = 0;
			do {
				for (int i = 0; i < ITEMS; i++) {
					this.list.set(i, (long) i);
				}
				ops += ITEMS;
			}
			while (System.nanoTime() < deadline);
			return ops;
		}));
		python(round);
	}

	/** Both JVMs run an operation on one value for the round; the total per second. */
	private double twoJvms(long operation, RawValue shared, LongSupplier parentSide) {
		shared.set(0);
		long start = System.nanoTime();
		long sequence = command(operation);
		long parent = parentSide.getAsLong();
		long child = awaitWorker(sequence);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long total = parent + child;
		if (shared.get() != total) {
			this.checks.add(operation + ": value " + shared.get() + " after " + total + " increments: MISMATCH");
		}
		return total / elapsed;
	}

	private double pingPong(long operation, LongSupplier pinger) {
		RawValue.of(this.data, 'q', MemoryWorker.PING).set(0);
		RawValue.of(this.data, 'q', MemoryWorker.PONG).set(0);
		long start = System.nanoTime();
		long sequence = command(operation);
		long trips = pinger.getAsLong();
		double elapsed = (System.nanoTime() - start) / 1e9;
		awaitWorker(sequence);
		return trips / elapsed;
	}

	/** Two threads of this JVM run the same work for the round; the total per second. */
	private static double twoThreads(java.util.function.Supplier<LongSupplier> workFactory)
			throws InterruptedException {
		LongSupplier work = workFactory.get();
		long[] other = new long[1];
		Thread thread = new Thread(() -> other[0] = work.getAsLong());
		long start = System.nanoTime();
		thread.start();
		long mine = work.getAsLong();
		thread.join();
		return (mine + other[0]) / ((System.nanoTime() - start) / 1e9);
	}

	/**
	 * The loop of {@link MemoryWorker#increment}, on an AtomicLong: the two must stay
	 * alike.
	 */
	private static long atomicIncrements(AtomicLong counter, long deadline) {
		long count = 0;
		do {
			for (int i = 0; i < 256; i++) {
				counter.getAndAdd(1);
			}
			count += 256;
		}
		while (System.nanoTime() < deadline);
		return count;
	}

	private static double alone(LongSupplier work) {
		long start = System.nanoTime();
		long ops = work.getAsLong();
		return ops / ((System.nanoTime() - start) / 1e9);
	}

	private void python(int round) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(this.python, this.pythonScript.toString(), Double.toString(this.nanos / 1e9))
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			this.checks.add("Python rows skipped: cannot run " + this.python + " (" + ex.getMessage() + ")");
			return;
		}
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				String[] parts = line.split(" ");
				if (parts.length == 2 && parts[0].equals("get")) {
					record(PYTHON_GET, round, Double.parseDouble(parts[1]));
				}
				else if (parts.length == 2 && parts[0].equals("set")) {
					record(PYTHON_SET, round, Double.parseDouble(parts[1]));
				}
				else {
					System.out.println("  python: " + line);
				}
			}
		}
		process.waitFor();
	}

	private long command(long operation) {
		this.control.set(MemoryWorker.OPERATION, operation);
		this.control.set(MemoryWorker.DURATION, this.nanos);
		this.control.set(MemoryWorker.SEQUENCE, ++this.sequence);
		return this.sequence;
	}

	private long awaitWorker(long sequence) {
		long deadline = System.nanoTime() + this.nanos + TimeUnit.SECONDS.toNanos(30);
		while (this.control.get(MemoryWorker.DONE) != sequence) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The worker JVM did not finish its round");
			}
			LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
		}
		return this.control.get(MemoryWorker.COUNT);
	}

	private void record(String row, int round, double rate) {
		this.rates.computeIfAbsent(row, (key) -> new double[this.rounds])[round] = rate;
	}

	private Process startWorker() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(MemoryWorker.class.getName());
		command.add(this.control.block().name());
		command.add(this.data.name());
		command.add(this.value.block().name());
		Process worker = new ProcessBuilder(command).inheritIO().start();
		Runtime.getRuntime().addShutdownHook(new Thread(worker::destroy));
		return worker;
	}

	private static Path pythonScript() throws IOException {
		Path script = Files.createTempFile("shareable_list_bench", ".py");
		try (InputStream in = SharedMemoryBenchmarks.class.getResourceAsStream("shareable_list_bench.py")) {
			Files.write(script, in.readAllBytes());
		}
		return script;
	}

	private void print() {
		System.out.println();
		System.out.printf(Locale.ROOT, "%-46s %16s %16s %16s%n", "benchmark", "ops/s (median)", "min", "max");
		this.rates.forEach((row, values) -> System.out.printf(Locale.ROOT, "%-46s %16s %16s %16s%n", row,
				Harness.rate(Harness.median(values)), Harness.rate(Harness.min(values)),
				Harness.rate(Harness.max(values))));
		System.out.println();
		System.out.println("ratios (median of per-round ratios) and targets");
		ratio("raw increments vs AtomicLong, same contention", RAW_INCREMENT, ATOMIC_LONG, 0.5);
		ratio("raw increments, 1 JVM x 2 threads vs AtomicLong", RAW_IN_PROCESS, ATOMIC_LONG, 0);
		ratio("ping-pong vs plain mapping", PING_PONG, RAW_PING_PONG, 0);
		ratio("Value increment, 2 JVMs vs 1 JVM", LOCKED_INCREMENT, LOCKED_ALONE, 0);
		ratio("ShareableList get, Java vs Python", LIST_GET, PYTHON_GET, 10);
		ratio("ShareableList set, Java vs Python", LIST_SET, PYTHON_SET, 0);
		System.out.println();
		if (this.checks.isEmpty()) {
			System.out.println("every increment from both JVMs counted (none lost)");
		}
		this.checks.forEach(System.out::println);
	}

	private void ratio(String what, String row, String reference, double target) {
		double[] a = this.rates.get(row);
		double[] b = this.rates.get(reference);
		if (a == null || b == null) {
			return;
		}
		double[] ratios = new double[a.length];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = a[i] / b[i];
		}
		double ratio = Harness.median(ratios);
		String verdict = (target <= 0) ? ""
				: (ratio >= target) ? "met (>= " + target + "x)" : "MISSED (< " + target + "x)";
		System.out.printf(Locale.ROOT, "  %-46s %9.3fx  %s%n", what, ratio, verdict);
	}

}
