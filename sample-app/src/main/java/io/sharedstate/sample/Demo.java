package io.sharedstate.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sharedstate.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;

/**
 * The demo: this JVM hosts the shared objects; two worker JVMs join as clients and share
 * them.
 */
public final class Demo {

	private static final int WORKERS = 2;

	private static final int TASKS = 20;

	private Demo() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		String authkey = UUID.randomUUID().toString();
		ServerOptions options = ServerOptions.create(authkey).withAllowedPackages("io.sharedstate.sample");
		try (SharedState manager = SharedState.serve(options)) {
			System.out.printf("Manager server listening on %s:%d%n", manager.address().getHostString(),
					manager.address().getPort());
			SharedList<String> events = manager.list("events");
			manager.<String, Object>dict("board").put("events", events);

			List<Process> workers = new ArrayList<>();
			for (int i = 1; i <= WORKERS; i++) {
				workers.add(startWorker("worker-" + i, manager, authkey));
			}
			for (Process worker : workers) {
				if (worker.waitFor() != 0) {
					throw new IllegalStateException("A worker failed with exit code " + worker.exitValue());
				}
			}

			SharedDict<String, TaskResult> results = manager.dict("results");
			long sum = results.values().stream().mapToLong(TaskResult::square).sum();
			System.out.printf("%d tasks done by %d worker JVMs; sum of squares %d (expected %d)%n", results.size(),
					WORKERS, sum, expectedSum());
			System.out.println("Tasks per worker (atomic merge): " + manager.dict("tasks-per-worker").snapshot());
			System.out.printf("Events appended to the list nested in 'board': %d, first: %s%n", events.size(),
					events.isEmpty() ? "-" : events.get(0));
			showLostUpdateGuard(manager);
		}
	}

	private static Process startWorker(String name, SharedState manager, String authkey) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), Worker.class.getName(), name,
				manager.address().getHostString(), String.valueOf(manager.address().getPort()), String.valueOf(TASKS));
		builder.environment().put("SHARED_STATE_AUTHKEY", authkey);
		builder.inheritIO();
		return builder.start();
	}

	@SuppressWarnings("unchecked")
	private static void showLostUpdateGuard(SharedState manager) {
		SharedDict<String, Object> dict = manager.dict("plain");
		dict.put("numbers", new ArrayList<>(List.of(1, 2, 3)));
		try {
			((List<Integer>) dict.get("numbers")).add(4);
		}
		catch (UnsupportedOperationException ex) {
			System.out.println("A plain list read back refuses changes that would be lost:\n  " + ex.getMessage());
		}
	}

	private static long expectedSum() {
		long sum = 0;
		for (long n = 0; n < TASKS; n++) {
			sum += n * n;
		}
		return sum;
	}

}
