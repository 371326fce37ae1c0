package io.sharedstate.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.spring.Inject.SharedDict;
import io.sharedstate.spring.Inject.SharedQueue;
import io.sharedstate.SharedState;

/**
 * A worker: meets the others at a barrier, then takes tasks from the shared queue until
 * told to stop, writes each result into a shared dict, appends to the list nested in
 * another dict, and counts under a shared lock.
 */
@Component
@ConditionalOnProperty(name = "sample.role", havingValue = "worker")
class Worker implements CommandLineRunner {

	static final int STOP = -1;

	/** How long a task pretends to work, so that the workers share the tasks. */
	private static final long WORK_MILLIS = 10;

	@SharedDict("results")
	private Map<String, TaskResult> results;

	@SharedDict("board")
	private Map<String, Object> board;

	@SharedDict("tally")
	private Map<String, Integer> tally;

	@SharedQueue("work")
	private BlockingQueue<Integer> work;

	private final Lock tallyLock;

	private final SharedBarrier start;

	private final String name;

	Worker(Lock tallyLock, SharedState manager, @Value("${sample.worker-name}") String name,
			@Value("${sample.workers:2}") int workers) {
		this.tallyLock = tallyLock;
		this.start = manager.barrier("start", workers);
		this.name = name;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void run(String... args) throws Exception {
		int arrival = this.start.await(60, TimeUnit.SECONDS);
		System.out.printf("%s (pid %d) passed the barrier, arrival %d%n", this.name, ProcessHandle.current().pid(),
				arrival);
		List<String> events = (List<String>) this.board.get("events");
		for (int task = this.work.take(); task != STOP; task = this.work.take()) {
			Thread.sleep(WORK_MILLIS);
			this.results.put("task-" + task, new TaskResult(task, (long) task * task, this.name));
			events.add(this.name + " finished task " + task);
			this.tallyLock.lock();
			try {
				this.tally.put("count", this.tally.getOrDefault("count", 0) + 1);
			}
			finally {
				this.tallyLock.unlock();
			}
		}
	}

}
