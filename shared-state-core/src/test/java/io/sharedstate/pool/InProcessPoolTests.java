package io.sharedstate.pool;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.SharedState;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.function.SerializableCallable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool of an in-process manager: its two worker JVMs reach the manager's objects
 * through the server it starts on loopback for them. The pool is shared by the tests.
 */
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class InProcessPoolTests {

	private static SharedState manager;

	private static SharedPool pool;

	@BeforeAll
	static void startPool() throws InterruptedException {
		manager = SharedState.inProcess();
		pool = manager.pool("in-process", PoolTesting.options(2));
		assertThat(pool.awaitWorkers(2, PoolTesting.STARTUP)).as("workers ready").isTrue();
	}

	@AfterAll
	static void closePool() {
		pool.close();
		manager.close();
	}

	@Test
	void tenTasksEachWriteTheirPidIntoASharedDictFromAtLeastTwoWorkers() throws Exception {
		// Seed 004: pool.map(f, repeat(d, 10)) where f writes its pid into the dict.
		SharedDict<Integer, Long> written = manager.dict("seed-004");
		SharedBarrier firstTwo = manager.barrier("seed-004.first-two", 2);
		List<Long> pids = pool.map((Integer task) -> {
			if (task < 2) {
				// the first two tasks meet, so they run on two workers at once
				firstTwo.await(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS);
			}
			long pid = ProcessHandle.current().pid();
			written.put(task, pid);
			return pid;
		}, IntStream.range(0, 10).boxed().toList(), 1);

		assertThat(written.snapshot()).containsOnlyKeys(IntStream.range(0, 10).boxed().toArray(Integer[]::new));
		assertThat(new HashSet<>(written.values())).hasSizeGreaterThanOrEqualTo(2)
			.doesNotContain(ProcessHandle.current().pid())
			.isSubsetOf(PoolTesting.workerPids(pool));
		assertThat(pids).isEqualTo(IntStream.range(0, 10).mapToObj(written::get).toList());
	}

	@Test
	void theExampleOfTheDocsPassesTheDictToEveryTaskAsPythonsRepeatDoes() throws InterruptedException {
		// docs/pools.md, first example
		SharedDict<Long, String> d = manager.dict("docs-example");
		List<Long> pids = pool.map((SharedDict<Long, String> dict) -> {
			long pid = ProcessHandle.current().pid();
			dict.put(pid, "Hi, I was written by process " + pid);
			return pid;
		}, Collections.nCopies(10, d));
		assertThat(d.snapshot()).containsOnlyKeys(new HashSet<>(pids))
			.allSatisfy((pid, text) -> assertThat(text).isEqualTo("Hi, I was written by process " + pid));
		assertThat(pids).hasSize(10).doesNotContain(ProcessHandle.current().pid());
	}

	@Test
	void aTaskUsesTheWorkersManagerByName() throws Exception {
		// docs/pools.md, tasks that use shared objects by name
		manager.counter("docs-visits");
		SerializableCallable<Long> visit = () -> PoolWorker.manager().counter("docs-visits").incrementAndGet();
		pool.invokeAll(Collections.nCopies(5, visit));
		assertThat(manager.counter("docs-visits").get()).isEqualTo(5);
	}

	@Test
	void mapKeepsTheOrderOfAThousandItems() throws InterruptedException {
		List<Integer> items = IntStream.range(0, 1000).boxed().toList();
		assertThat(pool.map((Integer i) -> i * 3, items)).isEqualTo(items.stream().map((i) -> i * 3).toList());
	}

	@Test
	void mapUnorderedYieldsEveryResult() {
		Set<String> results = pool.mapUnordered((Integer i) -> "item " + i, IntStream.range(0, 50).boxed().toList())
			.collect(Collectors.toSet());
		assertThat(results).hasSize(50).contains("item 0", "item 49");
	}

	@Test
	void starmapAppliesTheFunctionToEachPairInOrder() throws InterruptedException {
		List<Map.Entry<String, Integer>> pairs = List.of(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3));
		assertThat(pool.starmap((String text, Integer times) -> text.repeat(times), pairs)).containsExactly("a", "bb",
				"ccc");
	}

}
