package io.sharedstate.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs a workload: a warm-up, then several timed rounds; reports the median rate. The
 * clock is read once per batch, so a batch should take well under a millisecond.
 */
final class Harness {

	/** Keeps results alive so the JIT cannot drop the work. */
	static volatile long sink;

	final long warmupNanos;

	final long roundNanos;

	final int rounds;

	Harness(double warmupSeconds, double roundSeconds, int rounds) {
		this.warmupNanos = (long) (warmupSeconds * 1e9);
		this.roundNanos = (long) (roundSeconds * 1e9);
		this.rounds = rounds;
	}

	/**
	 * Reads the settings from system properties {@code bench.warmup} and
	 * {@code bench.seconds} (seconds) and {@code bench.rounds}.
	 * @param warmup the default warm-up
	 * @param seconds the default round length
	 * @param rounds the default number of rounds
	 * @return the harness
	 */
	static Harness fromProperties(double warmup, double seconds, int rounds) {
		return new Harness(Double.parseDouble(System.getProperty("bench.warmup", Double.toString(warmup))),
				Double.parseDouble(System.getProperty("bench.seconds", Double.toString(seconds))),
				Integer.parseInt(System.getProperty("bench.rounds", Integer.toString(rounds))));
	}

	/** A workload: performs a batch of operations. */
	@FunctionalInterface
	interface Workload {

		/**
		 * Performs operations.
		 * @param count how many
		 * @return anything derived from the results
		 * @throws Exception if an operation fails
		 */
		long run(int count) throws Exception;

	}

	/** Called around each timed round, e.g. to read counters. */
	interface Probe {

		void before();

		void after(long operations);

	}

	/**
	 * A workload to measure, with its results.
	 */
	static final class Task {

		final String name;

		final Workload workload;

		final int batch;

		final Probe probe;

		final Runnable afterRound;

		double[] rates;

		/**
		 * Creates a task.
		 * @param name the name shown
		 * @param workload the workload
		 * @param batch operations per clock reading
		 * @param probe called around each timed round, or {@code null}
		 * @param afterRound run after each timed round, off the clock (e.g. to drain
		 * requests in flight), or {@code null}
		 */
		Task(String name, Workload workload, int batch, Probe probe, Runnable afterRound) {
			this.name = name;
			this.workload = workload;
			this.batch = batch;
			this.probe = probe;
			this.afterRound = afterRound;
		}

		double median() {
			return Harness.median(this.rates);
		}

	}

	/**
	 * Measures a workload alone.
	 * @param workload the workload
	 * @param batch operations per clock reading
	 * @return the rates of the rounds, ops/s
	 * @throws Exception if the workload fails
	 */
	double[] measure(Workload workload, int batch) throws Exception {
		Task task = new Task("", workload, batch, null, null);
		measureInterleaved(List.of(task), null);
		return task.rates;
	}

	/**
	 * Measures workloads round-robin: each is warmed up, then round 1 of each, round 2 of
	 * each, and so on, so that a change in the machine's load during the run hits all of
	 * them alike and per-round ratios between them stay meaningful.
	 * @param tasks the workloads; their rates are filled in
	 * @param progress told the name of each task as it starts warming up, or {@code null}
	 * @throws Exception if a workload fails
	 */
	void measureInterleaved(List<Task> tasks, Consumer<String> progress) throws Exception {
		long sum = 0;
		for (Task task : tasks) {
			if (progress != null) {
				progress.accept(task.name);
			}
			long start = System.nanoTime();
			while (System.nanoTime() - start < this.warmupNanos) {
				sum += task.workload.run(task.batch);
			}
			if (task.afterRound != null) {
				task.afterRound.run();
			}
			task.rates = new double[this.rounds];
		}
		for (int round = 0; round < this.rounds; round++) {
			for (Task task : tasks) {
				if (task.probe != null) {
					task.probe.before();
				}
				long operations = 0;
				long began = System.nanoTime();
				long elapsed;
				do {
					sum += task.workload.run(task.batch);
					operations += task.batch;
					elapsed = System.nanoTime() - began;
				}
				while (elapsed < this.roundNanos);
				if (task.probe != null) {
					task.probe.after(operations);
				}
				if (task.afterRound != null) {
					task.afterRound.run();
				}
				task.rates[round] = operations * 1e9 / elapsed;
			}
		}
		sink += sum;
	}

	/**
	 * The median over rounds of one task's rate divided by another's in the same round.
	 * @param task the task
	 * @param reference the reference task
	 * @return the median ratio
	 */
	static double pairedRatio(Task task, Task reference) {
		double[] ratios = new double[task.rates.length];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = task.rates[i] / reference.rates[i];
		}
		return median(ratios);
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	static String rate(double opsPerSecond) {
		return String.format(Locale.ROOT, "%,.0f", opsPerSecond);
	}

	String describe() {
		return String.format(Locale.ROOT, "warm-up %.1f s, then %d timed rounds of %.1f s; median reported",
				this.warmupNanos / 1e9, this.rounds, this.roundNanos / 1e9);
	}

}
