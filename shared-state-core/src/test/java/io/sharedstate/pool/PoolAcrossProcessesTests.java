package io.sharedstate.pool;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.SharedState;
import io.sharedstate.api.MissingClassException;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.function.SerializableCallable;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.server.ServerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Pools across real JVMs: this JVM runs the manager server and a pool of two worker JVMs
 * shared by the tests; tests that need other settings, or that kill a creator, start
 * their own. Workers are killed with {@code SIGKILL}, and processes are checked by pid.
 */
@Timeout(value = 240, threadMode = ThreadMode.SEPARATE_THREAD)
class PoolAcrossProcessesTests {

	private static final Duration GRACE = Duration.ofSeconds(1);

	private static SharedState server;

	private static SharedPool pool;

	private final List<ChildJvm> children = new ArrayList<>();

	private String name;

	@BeforeAll
	static void startServerAndPool() {
		server = SharedState.serve(ServerOptions.create(Children.AUTHKEY)
			.withAllowedPackages("io.sharedstate")
			.withSessionGracePeriod(GRACE));
		pool = server.pool("shared", PoolTesting.options(2));
	}

	@AfterAll
	static void stopPoolAndServer() {
		pool.close();
		server.close();
	}

	@BeforeEach
	void waitForTheSharedWorkers(TestInfo test) throws InterruptedException {
		this.name = test.getTestMethod().orElseThrow().getName();
		assertThat(pool.awaitWorkers(2, PoolTesting.STARTUP)).as("shared workers ready: %s", pool.info()).isTrue();
	}

	@AfterEach
	void killLeftoverChildren() {
		this.children.forEach(ChildJvm::close);
	}

	@Test
	void aTaskRunsInAWorkerProcessAndReturnsItsResult() throws Exception {
		long pid = pool.submit(() -> ProcessHandle.current().pid()).get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS);
		assertThat(pid).isNotEqualTo(ProcessHandle.current().pid()).isIn(PoolTesting.workerPids(pool));
	}

	@Test
	void aTaskExceptionComesBackWithTheWorkersStackTrace() {
		CompletableFuture<Object> failing = pool.submit(() -> {
			throw new IllegalStateException("no stock for item 12");
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> failing.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage("no stock for item 12")
			.satisfies((cause) -> assertThat(Stream.of(cause.getStackTrace()).map(StackTraceElement::getClassName))
				.as("the worker's frames")
				.contains(WorkerLoop.class.getName()));
		assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> pool.apply(() -> {
			throw new java.io.IOException("disk full");
		})).withCauseInstanceOf(java.io.IOException.class);
	}

	@Test
	void anExceptionWhoseClassTheSubmitterLacksComesBackDescribed() throws Exception {
		// The worker throws an exception that cannot be serialized: it is described
		// instead.
		CompletableFuture<Object> failing = pool.submit(() -> {
			throw new UnserializableFailure("bad input");
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> failing.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(io.sharedstate.api.RemoteFunctionException.class)
			.withMessageContaining(UnserializableFailure.class.getName())
			.withMessageContaining("bad input");
	}

	@Test
	void aTaskThatCannotBeSerializedIsRefusedAtOnceNamingTheClass() {
		Object notSerializable = new Object();
		assertThatIllegalArgumentException().isThrownBy(() -> pool.submit(() -> notSerializable.hashCode()))
			.withMessageContaining("java.lang.Object, which is not Serializable");
		Callable<Integer> plain = () -> 1;
		assertThatIllegalArgumentException().isThrownBy(() -> pool.submit(plain))
			.withMessageContaining("must be serializable");
	}

	@Test
	void invokeAllAndInvokeAnyRunTheTasksOnWorkers() throws Exception {
		List<SerializableCallable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
		List<Integer> results = new ArrayList<>();
		for (Future<Integer> future : pool.invokeAll(tasks)) {
			results.add(future.get());
		}
		assertThat(results).containsExactly(1, 2, 3);
		assertThat(pool.invokeAny(tasks)).isIn(1, 2, 3);
	}

	@Test
	void aTaskOfAWorkerKilledMidTaskCompletesOnAnotherWorker() throws Exception {
		SharedQueue<Long> started = server.queue(this.name + ".started", 0);
		SharedEvent finish = server.event(this.name + ".finish");
		CompletableFuture<Long> task = pool.submit(() -> {
			long pid = ProcessHandle.current().pid();
			started.put(pid);
			finish.await(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS);
			return pid;
		});
		Long first = started.poll(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS);
		assertThat(first).as("started on a worker").isNotNull();
		ProcessHandle.of(first).orElseThrow().destroyForcibly();

		Long second = started.poll(PoolTesting.STARTUP.toSeconds(), TimeUnit.SECONDS);
		assertThat(second).as("started again").isNotNull().isNotEqualTo(first);
		finish.set();
		assertThat(task.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(second);
		PoolTesting.assertExits(first);
	}

	@Test
	void aTaskThatKillsEveryWorkerRunningItFailsAfterTheSecondTime() {
		CompletableFuture<Object> fatal = pool.submit(() -> {
			Runtime.getRuntime().halt(7);
			return null;
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> fatal.get(PoolTesting.STARTUP.toSeconds(), TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(WorkerDiedException.class)
			.withMessageContaining("at most 2 times");
	}

	@Test
	void aTaskWhoseClassIsNotOnTheWorkersClasspathFailsNamingTheClass() throws Exception {
		try (SharedPool narrow = server.pool(this.name,
				PoolTesting.options(1).withClasspath(PoolTesting.libraryClasspath()))) {
			CompletableFuture<Integer> task = narrow.submit(() -> 42);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> task.get(PoolTesting.STARTUP.toSeconds(), TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(MissingClassException.class)
				.withMessageContaining(PoolAcrossProcessesTests.class.getName())
				.withMessageContaining("not on the classpath of worker c0");
		}
	}

	@Test
	void aTaskRunningPastItsTimeoutFailsAndItsWorkerIsReplaced() throws Exception {
		try (SharedPool timed = server.pool(this.name, PoolTesting.options(1).withTaskTimeout(Duration.ofSeconds(3)))) {
			assertThat(timed.awaitWorkers(1, PoolTesting.STARTUP)).isTrue();
			long first = PoolTesting.workerPids(timed).get(0);
			CompletableFuture<Object> slow = timed.submit(() -> {
				Thread.sleep(TimeUnit.SECONDS.toMillis(PoolTesting.WAIT_SECONDS * 2));
				return null;
			});
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> slow.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskTimeoutException.class)
				.withMessageContaining("PT3S");
			PoolTesting.assertExits(first);
			long next = timed.submit(() -> ProcessHandle.current().pid())
				.get(PoolTesting.STARTUP.toSeconds(), TimeUnit.SECONDS);
			assertThat(next).isNotEqualTo(first);
		}
	}

	@Test
	void everyWorkerRunsTheInitializerAndIsReplacedAfterItsMostTasks() throws Exception {
		try (SharedPool limited = server.pool(this.name,
				PoolTesting.options(1)
					.withInitializer(
							() -> System.setProperty("pool.initialized", "by " + ProcessHandle.current().pid()))
					.withMaxTasksPerChild(2))) {
			List<String> seen = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				seen.add(limited
					.apply(() -> System.getProperty("pool.initialized") + " ran in " + ProcessHandle.current().pid()));
			}
			List<String> pids = seen.stream().map((line) -> line.substring(line.lastIndexOf(' ') + 1)).toList();
			assertThat(seen).allSatisfy((line) -> assertThat(line).matches("by (\\d+) ran in \\1"));
			assertThat(pids.get(0)).isEqualTo(pids.get(1));
			assertThat(pids.get(2)).isEqualTo(pids.get(3)).isNotEqualTo(pids.get(0));
		}
	}

	@Test
	void aWorkerJoiningFromASeparatelyStartedJvmTakesTasksAndLeavesWhenThePoolCloses() throws Exception {
		SharedPool joinedOnly = server.pool(this.name, PoolTesting.options(0));
		ChildJvm joiner = child(PoolWorker.class, Children.hostPort(server.address()), this.name, "io.sharedstate");
		try {
			assertThat(joinedOnly.awaitWorkers(1, PoolTesting.STARTUP)).isTrue();
			assertThat(joinedOnly.apply(() -> ProcessHandle.current().pid())).isEqualTo(joiner.pid());
			assertThat(joinedOnly.info().workers()).singleElement().satisfies((worker) -> {
				assertThat(worker.joined()).isTrue();
				assertThat(worker.tasksRun()).isEqualTo(1);
			});
		}
		finally {
			joinedOnly.close();
		}
		assertThat(joiner.await(Duration.ofSeconds(PoolTesting.WAIT_SECONDS)).exitCode()).isZero();
	}

	@Test
	void joinPoolServesTasksOnTheCallingThreadUntilThePoolCloses() throws Exception {
		SharedPool joinedOnly = server.pool(this.name, PoolTesting.options(0));
		CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
			try {
				server.joinPool(this.name);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			assertThat(joinedOnly.awaitWorkers(1, PoolTesting.STARTUP)).isTrue();
			assertThat(joinedOnly.apply(() -> PoolWorker.manager().counter("joined-here").incrementAndGet()))
				.isEqualTo(1L);
		}
		finally {
			joinedOnly.close();
		}
		serving.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS);
		assertThatIllegalStateException().isThrownBy(() -> server.joinPool(this.name))
			.withMessageContaining("No pool '" + this.name + "' is running");
	}

	@Test
	void aJoinedWorkerWhoseTaskOverrunsItsTimeoutIsStoppedAndJoinPoolReturns() throws Exception {
		try (SharedPool timed = server.pool(this.name, PoolTesting.options(0).withTaskTimeout(Duration.ofSeconds(1)))) {
			CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
				try {
					server.joinPool(this.name);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			assertThat(timed.awaitWorkers(1, PoolTesting.STARTUP)).isTrue();
			CompletableFuture<Object> slow = timed.submit(() -> {
				// swallows the interrupt that stops it, as careless tasks do
				try {
					Thread.sleep(TimeUnit.SECONDS.toMillis(PoolTesting.WAIT_SECONDS * 2));
				}
				catch (InterruptedException ex) {
					return "interrupted";
				}
				return "slept";
			});
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> slow.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskTimeoutException.class);
			serving.get(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS);
		}
	}

	@Test
	void aSecondPoolOfTheSameNameIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> server.pool("shared", 1))
			.withMessageContaining("already running");
	}

	@Test
	void shutdownNowKillsTheWorkersCancelsRunningTasksAndHandsBackQueuedOnes() throws Exception {
		SharedPool stopped = server.pool(this.name, PoolTesting.options(1));
		SharedQueue<Long> started = server.queue(this.name + ".started", 0);
		CompletableFuture<Object> running = stopped.submit(() -> {
			started.put(ProcessHandle.current().pid());
			Thread.sleep(TimeUnit.SECONDS.toMillis(PoolTesting.WAIT_SECONDS * 2));
			return null;
		});
		CompletableFuture<Integer> queued = stopped.submit(() -> 1);
		Long worker = started.poll(PoolTesting.STARTUP.toSeconds(), TimeUnit.SECONDS);
		assertThat(worker).isNotNull();

		List<Runnable> neverStarted = stopped.shutdownNow();
		assertThat(stopped.awaitTermination(PoolTesting.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(running).isCompletedExceptionally();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(running::join);
		PoolTesting.assertExits(worker);
		assertThat(neverStarted).hasSize(1);
		neverStarted.get(0).run();
		assertThat(queued).isCompletedWithValue(1);
	}

	@Test
	void afterClosingAPoolOfAClientNoWorkerProcessRemains() throws Exception {
		List<Long> pids;
		try (SharedState client = Children.connect(Children.hostPort(server.address()));
				SharedPool ofClient = client.pool(this.name, PoolTesting.options(2))) {
			assertThat(ofClient.awaitWorkers(2, PoolTesting.STARTUP)).isTrue();
			assertThat(ofClient.map((Integer i) -> i + 1, List.of(1, 2, 3))).containsExactly(2, 3, 4);
			pids = PoolTesting.workerPids(ofClient);
			ofClient.close();
			assertThat(ofClient.isTerminated()).isTrue();
		}
		assertThat(pids).hasSize(2);
		for (long pid : pids) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("worker %d", pid)
				.isNotEqualTo(java.util.Optional.of(true));
		}
	}

	@Test
	void workersOfAKilledCreatorExit() throws Exception {
		ChildJvm creator = child(PoolChildMains.InProcessCreator.class);
		List<Long> workers = Stream.of(creator.awaitLine("WORKERS ", PoolTesting.STARTUP).substring(8).split(","))
			.map(Long::valueOf)
			.collect(Collectors.toList());
		assertThat(workers).hasSize(2);
		creator.kill();
		for (long worker : workers) {
			PoolTesting.assertExits(worker);
		}
	}

	@Test
	void aJoinedWorkerLeavesWhenItsCreatorIsKilled() throws Exception {
		String address = Children.hostPort(server.address());
		ChildJvm creator = child(PoolChildMains.ClientCreator.class, address, this.name);
		creator.awaitLine("CREATED", PoolTesting.STARTUP);
		ChildJvm joiner = child(PoolWorker.class, address, this.name);
		creator.awaitLine("JOINED " + joiner.pid(), PoolTesting.STARTUP);
		creator.kill();
		// The creator's session ends after the grace period; its leash on the worker
		// goes.
		assertThat(joiner.await(Duration.ofSeconds(PoolTesting.WAIT_SECONDS)).exitCode()).isZero();
	}

	private ChildJvm child(Class<?> main, String... args) {
		ChildJvm child = ChildJvm.start(main, Map.of("SHARED_STATE_AUTHKEY", Children.AUTHKEY), args);
		this.children.add(child);
		return child;
	}

	/** An exception the worker cannot serialize: it holds a thread. */
	static final class UnserializableFailure extends RuntimeException {

		private final Thread holder = Thread.currentThread();

		UnserializableFailure(String message) {
			super(message);
		}

	}

}
