package io.sharedstate.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.SharedState;
import io.sharedstate.value.SharedCounter;

/**
 * A counter incremented by several JVMs at once: each child JVM increments for a fixed
 * time and reports how many it did; the total per second is the contended throughput, and
 * the counter's final value proves no increment was lost.
 */
final class ContendedCounter {

	private static final double SECONDS = Double.parseDouble(System.getProperty("bench.contended.seconds", "5"));

	private ContendedCounter() {
	}

	static void measure(InetSocketAddress address, String authkey, int jvms, SharedCounter counter)
			throws IOException, InterruptedException {
		long before = counter.get();
		List<Process> children = new ArrayList<>();
		for (int i = 0; i < jvms; i++) {
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), ContendedCounter.class.getName(), address.getHostString(),
					String.valueOf(address.getPort()), String.valueOf(SECONDS));
			builder.environment().put("SHARED_STATE_AUTHKEY", authkey);
			builder.redirectErrorStream(true);
			children.add(builder.start());
		}
		long total = 0;
		for (Process child : children) {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.startsWith("increments=")) {
						total += Long.parseLong(line.substring("increments=".length()));
					}
				}
			}
			child.waitFor();
		}
		long counted = counter.get() - before;
		System.out.printf(
				"contended SharedCounter.incrementAndGet, %d JVMs x 1 thread: %,.0f ops/s in total; "
						+ "counter grew by %,d for %,d increments reported (%s)%n%n",
				jvms, total / SECONDS, counted, total, (counted == total) ? "none lost" : "MISMATCH");
	}

	public static void main(String[] args) {
		InetSocketAddress address = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
		long deadline = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
		try (SharedState manager = SharedState
			.connect(ClientOptions.create(address, System.getenv("SHARED_STATE_AUTHKEY")))) {
			SharedCounter counter = manager.counter("bench-contended");
			long increments = 0;
			while (System.nanoTime() < deadline) {
				counter.incrementAndGet();
				increments++;
			}
			System.out.println("increments=" + increments);
		}
	}

}
