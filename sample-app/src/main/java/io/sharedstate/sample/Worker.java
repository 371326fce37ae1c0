package io.sharedstate.sample;

import java.net.InetSocketAddress;

import io.sharedstate.ClientOptions;
import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;
import io.sharedstate.value.SharedCounter;

/**
 * A worker process: claims tasks from a shared counter until none are left, writes each
 * result into a shared dict, appends to a shared list nested in another dict, and counts
 * its work with an atomic merge.
 */
public final class Worker {

	private Worker() {
	}

	public static void main(String[] args) throws InterruptedException {
		String name = args[0];
		InetSocketAddress address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
		int tasks = Integer.parseInt(args[3]);
		long pid = ProcessHandle.current().pid();
		ClientOptions options = ClientOptions.create(address, System.getenv("SHARED_STATE_AUTHKEY"))
			.withAllowedPackages("io.sharedstate.sample")
			.withClientName(name);
		try (SharedState manager = SharedState.connect(options)) {
			SharedCounter nextTask = manager.counter("next-task");
			SharedDict<String, TaskResult> results = manager.dict("results");
			SharedDict<String, Long> tasksPerWorker = manager.dict("tasks-per-worker");
			@SuppressWarnings("unchecked")
			SharedList<String> events = (SharedList<String>) manager.<String, Object>dict("board").get("events");
			for (long task = nextTask.getAndIncrement(); task < tasks; task = nextTask.getAndIncrement()) {
				int n = (int) task;
				results.put("task-" + n, new TaskResult(n, (long) n * n, pid));
				events.add(name + " finished task " + n);
				tasksPerWorker.merge(name, 1L, Long::sum);
				Thread.sleep(10);
			}
		}
	}

}
