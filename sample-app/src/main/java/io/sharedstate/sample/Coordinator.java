package io.sharedstate.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.sharedstate.SharedState;
import io.sharedstate.spring.Inject.SharedDict;
import io.sharedstate.spring.Inject.SharedList;
import io.sharedstate.spring.Inject.SharedQueue;

/**
 * Hosts the shared objects, starts the workers, feeds them tasks through a bounded queue,
 * and prints what they did together.
 */
@Component
@ConditionalOnProperty(name = "sample.role", havingValue = "coordinator", matchIfMissing = true)
class Coordinator implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(Coordinator.class);

	@SharedDict("results")
	private Map<String, TaskResult> results;

	@SharedDict("board")
	private Map<String, Object> board;

	@SharedList("events")
	private List<String> events;

	@SharedDict("tally")
	private Map<String, Integer> tally;

	@SharedQueue(value = "work", maxsize = 8)
	private BlockingQueue<Integer> work;

	private final SharedState manager;

	private final WorkerLauncher launcher;

	private final int workers;

	private final int tasks;

	Coordinator(SharedState manager, WorkerLauncher launcher, @Value("${sample.workers:2}") int workers,
			@Value("${sample.tasks:20}") int tasks) {
		this.manager = manager;
		this.launcher = launcher;
		this.workers = workers;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException, InterruptedException {
		this.board.put("events", this.events);
		List<Process> started = new ArrayList<>();
		for (int i = 1; i <= this.workers; i++) {
			started.add(this.launcher.start("worker-" + i, this.manager.address(), this.workers));
		}
		for (int task = 0; task < this.tasks; task++) {
			this.work.put(task);
		}
		for (int i = 0; i < this.workers; i++) {
			this.work.put(Worker.STOP);
		}
		for (Process worker : started) {
			if (!worker.waitFor(2, TimeUnit.MINUTES) || worker.exitValue() != 0) {
				throw new IllegalStateException("A worker failed; see its output above");
			}
		}
		report();
	}

	private void report() {
		long sum = this.results.values().stream().mapToLong(TaskResult::square).sum();
		Map<String, Long> perWorker = new java.util.TreeMap<>();
		this.results.values().forEach((result) -> perWorker.merge(result.worker(), 1L, Long::sum));
		System.out.printf("%n%d tasks done by %d worker JVMs (sum of squares %d), per worker %s%n", this.results.size(),
				this.workers, sum, perWorker);
		System.out.printf("Counted under the shared lock: %s; events in the list nested in 'board': %d%n",
				this.tally.get("count"), this.events.size());
		System.out.printf("Inspect it: GET /actuator/sharedstate (Ctrl-C to stop)%n%n");
		logger.info("Demo finished; serving the actuator until stopped");
	}

}
