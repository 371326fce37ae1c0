package io.sharedstate.benchmarks;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.sharedstate.SharedState;
import io.sharedstate.pool.PoolOptions;
import io.sharedstate.pool.SharedPool;

/**
 * A process pool against Python's {@code multiprocessing.Pool} on this machine, in the
 * same run: both with the same number of worker processes and the same trivial task
 * ({@code x + 1}), measured the same way, one after the other, for several runs.
 *
 * <ul>
 * <li><b>tasks/s, one task per call</b>: submit N tasks ({@code applyAsync} /
 * {@code apply_async}), then wait for all;</li>
 * <li><b>items/s, map</b>: {@code map} over N items with the default chunking (both chunk
 * like Python: about four chunks per worker);</li>
 * <li><b>apply round trip</b>: the median time of one blocking {@code apply} /
 * {@code apply}, over M calls in a row.</li>
 * </ul>
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.sharedstate.benchmarks.PoolBenchmark
 * </pre>
 *
 * System properties: {@code bench.pool.processes} (default 2), {@code bench.pool.tasks}
 * (20,000), {@code bench.pool.items} (200,000), {@code bench.pool.applies} (2,000),
 * {@code bench.pool.runs} (3), {@code bench.pool.warmup} (20 s),
 * {@code bench.pool.python} ({@code python3}).
 */
public final class PoolBenchmark {

	private static final int PROCESSES = Integer.getInteger("bench.pool.processes", 2);

	private static final int TASKS = Integer.getInteger("bench.pool.tasks", 20_000);

	private static final int ITEMS = Integer.getInteger("bench.pool.items", 200_000);

	private static final int APPLIES = Integer.getInteger("bench.pool.applies", 2_000);

	private static final int RUNS = Integer.getInteger("bench.pool.runs", 3);

	private static final String PYTHON = System.getProperty("bench.pool.python", "python3");

	private static final String PYTHON_SCRIPT = """
			import multiprocessing, statistics, sys, time

			def inc(x):
			    return x + 1

			if __name__ == '__main__':
			    processes, tasks, items, applies = map(int, sys.argv[1:5])
			    with multiprocessing.Pool(processes) as pool:
			        pool.map(inc, range(1000))
			        for _ in range(200):
			            pool.apply(inc, (1,))
			        start = time.perf_counter()
			        results = [pool.apply_async(inc, (i,)) for i in range(tasks)]
			        for r in results:
			            r.get()
			        tasks_per_s = tasks / (time.perf_counter() - start)
			        start = time.perf_counter()
			        pool.map(inc, range(items))
			        items_per_s = items / (time.perf_counter() - start)
			        rtts = []
			        for i in range(applies):
			            t = time.perf_counter()
			            pool.apply(inc, (i,))
			            rtts.append(time.perf_counter() - t)
			        print('%f %f %f' % (tasks_per_s, items_per_s, statistics.median(rtts) * 1e6))
			""";

	private PoolBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String loadBefore = loadAverage();
		Path script = Files.createTempFile("pool-benchmark", ".py");
		Files.writeString(script, PYTHON_SCRIPT, StandardCharsets.UTF_8);
		System.out.printf(Locale.ROOT,
				"%d worker processes; %,d tasks, map over %,d items, %,d applies; %d runs, Java then Python each%n%n",
				PROCESSES, TASKS, ITEMS, APPLIES, RUNS);
		List<double[]> java = new ArrayList<>();
		List<double[]> python = new ArrayList<>();
		try (SharedState manager = SharedState.inProcess();
				SharedPool pool = manager.pool("bench",
						PoolOptions.processes(PROCESSES)
							.withJvmOptions("-Xmx256m")
							.withWorkerOutput(Redirect.INHERIT))) {
			if (!pool.awaitWorkers(PROCESSES, Duration.ofMinutes(2))) {
				throw new IllegalStateException("Workers not ready: " + pool.info());
			}
			warmUp(pool);
			for (int run = 1; run <= RUNS; run++) {
				double[] ours = measure(pool);
				double[] theirs = python(script);
				java.add(ours);
				python.add(theirs);
				System.out.printf(Locale.ROOT, "run %d: %s%n       %s%n", run, describe("shared-state", ours),
						describe("Python", theirs));
			}
		}
		finally {
			Files.deleteIfExists(script);
		}
		double[] ours = medians(java);
		double[] theirs = medians(python);
		System.out.printf(Locale.ROOT, "%nmedians of %d runs; load average %s before, %s after%n", RUNS, loadBefore,
				loadAverage());
		System.out.printf(Locale.ROOT, "| measure | shared-state | Python multiprocessing.Pool | ratio |%n");
		System.out.printf(Locale.ROOT, "| --- | ---: | ---: | ---: |%n");
		System.out.printf(Locale.ROOT, "| tasks/s, one task per applyAsync | %,.0f | %,.0f | %.2f |%n", ours[0],
				theirs[0], ours[0] / theirs[0]);
		System.out.printf(Locale.ROOT, "| items/s, map with default chunks | %,.0f | %,.0f | %.2f |%n", ours[1],
				theirs[1], ours[1] / theirs[1]);
		System.out.printf(Locale.ROOT, "| apply round trip, median (µs) | %,.0f | %,.0f | %.2f |%n", ours[2], theirs[2],
				ours[2] / theirs[2]);
	}

	/**
	 * Runs the measured work until the JIT of this JVM and of the workers has settled:
	 * the same sizes as measured, for {@code bench.pool.warmup} seconds (default 20) and
	 * at least twice. Python interprets, so its script only warms its pool up.
	 */
	private static void warmUp(SharedPool pool) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("bench.pool.warmup", 20));
		for (int round = 0; round < 2 || System.nanoTime() < deadline; round++) {
			measure(pool);
		}
	}

	private static double[] measure(SharedPool pool) throws Exception {
		long start = System.nanoTime();
		List<CompletableFuture<Integer>> results = new ArrayList<>(TASKS);
		for (int i = 0; i < TASKS; i++) {
			int x = i;
			results.add(pool.applyAsync(() -> x + 1));
		}
		for (CompletableFuture<Integer> result : results) {
			result.get();
		}
		double tasksPerSecond = TASKS / ((System.nanoTime() - start) / 1e9);
		List<Integer> items = IntStream.range(0, ITEMS).boxed().toList();
		start = System.nanoTime();
		pool.map((Integer x) -> x + 1, items);
		double itemsPerSecond = ITEMS / ((System.nanoTime() - start) / 1e9);
		double[] roundTrips = new double[APPLIES];
		for (int i = 0; i < APPLIES; i++) {
			int x = i;
			long t = System.nanoTime();
			pool.apply(() -> x + 1);
			roundTrips[i] = (System.nanoTime() - t) / 1e3;
		}
		return new double[] { tasksPerSecond, itemsPerSecond, median(roundTrips) };
	}

	private static double[] python(Path script) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(PROCESSES),
				String.valueOf(TASKS), String.valueOf(ITEMS), String.valueOf(APPLIES))
			.redirectError(Redirect.INHERIT)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("python3 failed: " + output);
		}
		return Arrays.stream(output.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
	}

	/** The machine's 1-minute load average, to tell a quiet run from a busy one. */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String describe(String who, double[] figures) {
		return String.format(Locale.ROOT, "%-12s %,10.0f tasks/s  %,10.0f map items/s  apply %,6.0f µs", who,
				figures[0], figures[1], figures[2]);
	}

	private static double[] medians(List<double[]> runs) {
		double[] medians = new double[runs.get(0).length];
		for (int i = 0; i < medians.length; i++) {
			int column = i;
			medians[i] = median(runs.stream().mapToDouble((run) -> run[column]).toArray());
		}
		return medians;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
