package io.sharedstate.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.value.SharedCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Locks, barriers and queues across real JVMs, including JVMs killed with {@code SIGKILL}
 * while they hold a lock or wait: this JVM runs the manager server, children connect to
 * it over loopback.
 */
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class PrimitivesAcrossProcessesTests {

	private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);

	/** How long the server keeps what a vanished client held. */
	private static final Duration GRACE = Duration.ofSeconds(1);

	private static SharedState server;

	private static String address;

	private final List<ChildJvm> children = new ArrayList<>();

	private String name;

	@BeforeAll
	static void startServer() {
		server = SharedState.serve(ServerOptions.create(Children.AUTHKEY)
			.withAllowedPackages("io.sharedstate")
			.withSessionGracePeriod(GRACE));
		address = Children.hostPort(server.address());
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void nameObjectsAfterTheTest(TestInfo test) {
		this.name = test.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void killLeftoverChildren() {
		this.children.forEach(ChildJvm::close);
	}

	private ChildJvm child(Class<?> main, String... args) {
		List<String> all = new ArrayList<>(List.of(address, this.name));
		all.addAll(List.of(args));
		ChildJvm child = ChildJvm.start(main, Map.of("SHARED_STATE_AUTHKEY", Children.AUTHKEY),
				all.toArray(String[]::new));
		this.children.add(child);
		return child;
	}

	@Test
	void lockProtectedIncrementsFromFourProcessesAreExact() {
		server.<String, Long>dict(this.name + ".dict").put("n", 0L);
		List<ChildJvm> workers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			workers.add(child(PrimitiveChildMains.LockedIncrements.class, "5000"));
		}
		for (ChildJvm worker : workers) {
			assertThat(worker.await(CHILD_TIMEOUT).assertSuccess().value("incremented")).isEqualTo("5000");
		}
		assertThat(server.<String, Long>dict(this.name + ".dict").get("n")).isEqualTo(20_000L);
		assertThat(server.lock(this.name + ".lock").isLocked()).isFalse();
	}

	@Test
	void lockOfAKilledHolderIsReleasedAfterTheGracePeriodWithHolderDied() throws Exception {
		SharedLock lock = server.lock(this.name + ".lock");
		ChildJvm holder = child(PrimitiveChildMains.HoldLockUntilKilled.class);
		holder.awaitLine("LOCKED", LINE_TIMEOUT);
		assertThat(lock.tryLock()).isFalse();

		holder.kill();
		long killed = System.nanoTime();
		assertThat(lock.isLocked()).as("held through the grace period").isTrue();
		assertThat(lock.tryLock(GRACE.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		try {
			assertThat(Duration.ofNanos(System.nanoTime() - killed)).isGreaterThan(GRACE.dividedBy(2));
			assertThat(lock.holderDied()).isTrue();
		}
		finally {
			lock.unlock();
		}
		lock.lock();
		assertThat(lock.holderDied()).as("only the first holder after the death is told").isFalse();
		lock.unlock();
	}

	@Test
	void lockOfAKilledHolderGoesToAProcessWaitingForIt() throws Exception {
		ChildJvm holder = child(PrimitiveChildMains.HoldLockUntilKilled.class);
		holder.awaitLine("LOCKED", LINE_TIMEOUT);
		ChildJvm waiter = child(PrimitiveChildMains.LockedIncrements.class, "1");
		server.<String, Long>dict(this.name + ".dict").put("n", 41L);

		holder.kill();
		assertThat(waiter.await(CHILD_TIMEOUT).assertSuccess().value("incremented")).isEqualTo("1");
		assertThat(server.<String, Long>dict(this.name + ".dict").get("n")).isEqualTo(42L);
	}

	@Test
	void permitsOfAKilledProcessAreReturnedAfterTheGracePeriod() throws Exception {
		SharedSemaphore semaphore = server.boundedSemaphore(this.name + ".semaphore", 3);
		ChildJvm holder = child(PrimitiveChildMains.HoldPermitsUntilKilled.class, "3", "2");
		holder.awaitLine("ACQUIRED", LINE_TIMEOUT);
		assertThat(semaphore.availablePermits()).isEqualTo(1);

		holder.kill();
		assertThat(semaphore.tryAcquire(3, GRACE.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		semaphore.release(3);
		assertThat(semaphore.availablePermits()).as("returned once, within the bound").isEqualTo(3);
	}

	@Test
	void barrierBreaksForTheOtherPartiesWhenAWaitingProcessIsKilled() throws Exception {
		SharedBarrier barrier = server.barrier(this.name, 3);
		ChildJvm survivor = child(PrimitiveChildMains.BarrierParty.class, "3");
		ChildJvm victim = child(PrimitiveChildMains.BarrierParty.class, "3");
		awaitWaiting(barrier, 2);

		victim.kill();
		assertThat(survivor.await(CHILD_TIMEOUT).assertSuccess().value("outcome")).isEqualTo("broken");
		assertThat(barrier.isBroken()).isTrue();
		assertThatExceptionOfType(BrokenBarrierException.class)
			.isThrownBy(() -> barrier.await(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
	}

	@Test
	void barrierOfThreeProcessesTripsWhenAllArrive() throws Exception {
		SharedBarrier barrier = server.barrier(this.name, 3);
		ChildJvm first = child(PrimitiveChildMains.BarrierParty.class, "3");
		ChildJvm second = child(PrimitiveChildMains.BarrierParty.class, "3");
		awaitWaiting(barrier, 2);

		assertThat(barrier.await(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isZero();
		assertThat(List.of(first.await(CHILD_TIMEOUT).assertSuccess().value("outcome"),
				second.await(CHILD_TIMEOUT).assertSuccess().value("outcome")))
			.containsExactlyInAnyOrder("index 1", "index 2");
	}

	@Test
	void hundredThousandItemsPassThroughABoundedQueueBetweenTwoProcessesWithoutLossOrDuplicate() {
		SharedQueue<Integer> queue = server.queue(this.name, 100);
		ChildJvm consumer = child(PrimitiveChildMains.Consumer.class, "100000");
		ChildJvm producer = child(PrimitiveChildMains.Producer.class, "100000");

		assertThat(producer.await(CHILD_TIMEOUT).assertSuccess().value("produced")).isEqualTo("100000");
		ChildJvm.Result consumed = consumer.await(CHILD_TIMEOUT).assertSuccess();
		assertThat(consumed.value("consumed")).isEqualTo("100000");
		assertThat(consumed.value("distinct")).isEqualTo("100000");
		assertThat(consumed.value("duplicates")).isEqualTo("0");
		assertThat(queue).isEmpty();
	}

	@Test
	void joinReturnsOnlyWhenWorkerProcessesHaveMarkedEveryTaskDone() throws Exception {
		int tasks = 300;
		SharedJoinableQueue<String> queue = server.joinableQueue(this.name, 0);
		SharedCounter finished = server.counter(this.name + ".done");
		for (int i = 0; i < tasks; i++) {
			queue.put("task " + i);
		}
		assertThat(queue.join(100, TimeUnit.MILLISECONDS)).isFalse();
		ChildJvm first = child(PrimitiveChildMains.JoinableWorker.class);
		ChildJvm second = child(PrimitiveChildMains.JoinableWorker.class);

		assertThat(queue.join(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(finished.get()).as("tasks finished when join returned").isEqualTo(tasks);
		assertThat(queue.unfinishedTasks()).isZero();

		queue.put("STOP");
		queue.put("STOP");
		int doneByFirst = Integer.parseInt(first.await(CHILD_TIMEOUT).assertSuccess().value("done"));
		int doneBySecond = Integer.parseInt(second.await(CHILD_TIMEOUT).assertSuccess().value("done"));
		assertThat(doneByFirst + doneBySecond).isEqualTo(tasks);
		assertThat(queue.join(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void consumerKilledWhileBlockedInTakeLosesNoItem() throws Exception {
		int items = 1000;
		SharedQueue<Integer> queue = server.queue(this.name, 0);
		ChildJvm victim = child(PrimitiveChildMains.Taker.class);
		victim.awaitLine("TAKING", LINE_TIMEOUT);
		// Lets the child's take reach the server; whether it did or not, no item may be
		// lost.
		Thread.sleep(300);

		victim.kill();
		for (int i = 0; i < items; i++) {
			queue.put(i);
		}
		ChildJvm consumer = child(PrimitiveChildMains.Consumer.class, Integer.toString(items));
		ChildJvm.Result consumed = consumer.await(CHILD_TIMEOUT).assertSuccess();
		assertThat(consumed.value("consumed")).isEqualTo(Integer.toString(items));
		assertThat(consumed.value("distinct")).isEqualTo(Integer.toString(items));
		assertThat(consumed.value("duplicates")).isEqualTo("0");
		assertThat(queue).isEmpty();
	}

	@Test
	void consumerKilledWithAnItemInFlightLosesNoItem() throws Exception {
		int items = 100;
		SharedQueue<Integer> queue = server.queue(this.name, 0);
		ChildJvm victim = child(PrimitiveChildMains.Taker.class);
		victim.awaitLine("TAKING", LINE_TIMEOUT);
		// Lets the child's take reach the server; whether it did or not, no item may be
		// lost.
		Thread.sleep(300);

		freeze(victim);
		queue.put(0); // handed to the frozen child, which cannot acknowledge it
		victim.kill();
		assertThat(victim.await(CHILD_TIMEOUT).stdout()).as("what the victim took")
			.noneMatch((line) -> line.startsWith("took="));
		for (int i = 1; i < items; i++) {
			queue.put(i);
		}
		ChildJvm consumer = child(PrimitiveChildMains.Consumer.class, Integer.toString(items));
		ChildJvm.Result consumed = consumer.await(CHILD_TIMEOUT).assertSuccess();
		assertThat(consumed.value("consumed")).isEqualTo(Integer.toString(items));
		assertThat(consumed.value("distinct")).isEqualTo(Integer.toString(items));
		assertThat(queue).isEmpty();
	}

	/**
	 * Freezes a child where it is with {@code kill -STOP}, and waits until every thread
	 * of it has stopped: until then, some of them may still run.
	 */
	private static void freeze(ChildJvm child) throws Exception {
		Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).inheritIO().start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).as("kill -STOP").isZero();
		long deadline = System.nanoTime() + LINE_TIMEOUT.toNanos();
		while (!allThreadsStopped(child.pid())) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Child " + child.pid() + " did not stop within " + LINE_TIMEOUT);
			}
			Thread.sleep(5);
		}
	}

	private static boolean allThreadsStopped(long pid) throws IOException {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			return tasks.allMatch((task) -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					// the state follows the command name, which is in parentheses
					char state = stat.charAt(stat.lastIndexOf(')') + 2);
					return state == 'T' || state == 't';
				}
				catch (IOException ex) {
					return true; // the thread is gone
				}
			});
		}
	}

	private static void awaitWaiting(SharedBarrier barrier, int parties) throws InterruptedException {
		long deadline = System.nanoTime() + LINE_TIMEOUT.toNanos();
		while (barrier.numberWaiting() < parties) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Fewer than " + parties + " processes waited at " + barrier);
			}
			Thread.sleep(10);
		}
	}

}
