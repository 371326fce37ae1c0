package io.sharedstate.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decisions of a pool, event by event, without processes: which worker gets which
 * task, and what a death, a timeout or a shutdown does.
 */
class DispatcherTests {

	private final Dispatcher dispatcher = new Dispatcher("p", 2, new byte[0], 0);

	private long ids;

	@Test
	void startRegistersOneWorkerPerProcess() {
		Effects effects = this.dispatcher.start();
		assertThat(effects.starts).extracting((worker) -> worker.id).containsExactly("c0", "c1");
	}

	@Test
	void helloOfAStartedWorkerIsWelcomedWithTheTaskLimit() {
		Dispatcher limited = new Dispatcher("p", 1, new byte[] { 7 }, 5);
		limited.start();
		Effects effects = limited.hello(new Message.Hello("c0", 42, "host", false));
		assertThat(effects.sends).singleElement().satisfies((send) -> {
			assertThat(send.message()).isInstanceOf(Message.Welcome.class);
			assertThat(((Message.Welcome) send.message()).maxTasks()).isEqualTo(5);
			assertThat(((Message.Welcome) send.message()).initializer()).containsExactly(7);
		});
	}

	@Test
	void aTaskQueuedBeforeAnyWorkerIsReadyGoesToTheFirstReadyWorker() {
		this.dispatcher.start();
		TaskRecord task = task();
		assertThat(this.dispatcher.submit(task).sends).isEmpty();
		Effects effects = ready("c1");
		assertThat(effects.sends).singleElement().satisfies((send) -> {
			assertThat(send.worker().id).isEqualTo("c1");
			assertThat(send.tasks()).containsExactly(task);
		});
		assertThat(this.dispatcher.info().running()).isEqualTo(1);
	}

	@Test
	void aWorkerHoldsTheTaskItRunsAndOneBehindItAndTheRestWaitHere() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord first = task();
		TaskRecord second = task();
		TaskRecord third = task();
		Effects one = this.dispatcher.submit(first);
		assertThat(one.started).extracting(Effects.Started::task).containsExactly(first);
		Effects two = this.dispatcher.submit(second);
		assertThat(two.sends).singleElement().satisfies((send) -> assertThat(send.tasks()).containsExactly(second));
		assertThat(two.started).isEmpty();
		assertThat(this.dispatcher.submit(third).sends).isEmpty();
		assertThat(this.dispatcher.info().queued()).isEqualTo(2);

		Effects done = this.dispatcher.done(done("c0", first), "result", null);
		assertThat(done.outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.task()).isSameAs(first);
			assertThat(outcome.value()).isEqualTo("result");
		});
		assertThat(done.started).extracting(Effects.Started::task).containsExactly(second);
		assertThat(done.sends).singleElement().satisfies((send) -> assertThat(send.tasks()).containsExactly(third));
	}

	@Test
	void tasksQueuedBeforeWorkersAreReadyGoToTheLeastBusyInOneMessagePerWorker() {
		this.dispatcher.start();
		TaskRecord[] tasks = { task(), task(), task(), task() };
		for (TaskRecord task : tasks) {
			this.dispatcher.submit(task);
		}
		Effects first = ready("c0");
		assertThat(first.sends).singleElement()
			.satisfies((send) -> assertThat(send.tasks()).containsExactly(tasks[0], tasks[1]));
		Effects second = ready("c1");
		assertThat(second.sends).singleElement()
			.satisfies((send) -> assertThat(send.tasks()).containsExactly(tasks[2], tasks[3]));
	}

	@Test
	void theTaskWaitingBehindADeadWorkersTaskGoesToAnotherWithoutCountingAnAttempt() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord running = submitted();
		TaskRecord behind = submitted();
		ready("c1");
		Effects gone = gone("c0", 0, 137);
		assertThat(gone.sends).singleElement().satisfies((send) -> {
			assertThat(send.worker().id).isEqualTo("c1");
			assertThat(send.tasks()).containsExactly(running, behind);
		});
		assertThat(running.attempts).isEqualTo(2);
		assertThat(behind.attempts).isZero();
	}

	@Test
	void theTaskOfAWorkerThatDiedRunsAgainOnAnother() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord task = submitted();
		ready("c1");
		Effects gone = gone("c0", 0, 137);
		assertThat(gone.outcomes).isEmpty();
		assertThat(gone.sends).singleElement().satisfies((send) -> {
			assertThat(send.worker().id).isEqualTo("c1");
			assertThat(send.tasks()).containsExactly(task);
		});
		assertThat(gone.starts).extracting((worker) -> worker.id).containsExactly("c0");
	}

	@Test
	void aTaskWhoseWorkerDiesTwiceFailsWithWorkerDied() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord task = submitted();
		ready("c1");
		gone("c0", 0, 137);
		Effects second = gone("c1", 0, 137);
		assertThat(second.outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.task()).isSameAs(task);
			assertThat(outcome.failure()).isInstanceOf(WorkerDiedException.class)
				.hasMessageContaining("at most 2 times");
		});
		assertThat(this.dispatcher.info().failed()).isEqualTo(1);
	}

	@Test
	void anExitOfAnEarlierStartOfASlotIsIgnored() {
		this.dispatcher.start();
		ready("c0");
		gone("c0", 0, 137);
		assertThat(gone("c0", 0, 137).starts).isEmpty();
		assertThat(this.dispatcher.isWorker("c0")).isTrue();
	}

	@Test
	void aTimedOutTaskFailsAndItsWorkerIsStoppedAndReplacedWithoutRunningItAgain() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord task = submitted();
		Effects timedOut = this.dispatcher.timedOut(task, "c0", "PT1S");
		assertThat(timedOut.outcomes).singleElement()
			.satisfies((outcome) -> assertThat(outcome.failure()).isInstanceOf(TaskTimeoutException.class)
				.hasMessageContaining("PT1S"));
		assertThat(timedOut.stops).extracting((worker) -> worker.id).containsExactly("c0");
		Effects gone = gone("c0", 0, 137);
		assertThat(gone.outcomes).isEmpty();
		assertThat(gone.starts).extracting((worker) -> worker.id).containsExactly("c0");
		assertThat(this.dispatcher.info().queued()).isZero();
	}

	@Test
	void aLateResultOfATimedOutTaskIsIgnored() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord task = submitted();
		this.dispatcher.timedOut(task, "c0", "PT1S");
		assertThat(this.dispatcher.done(done("c0", task), "late", null).outcomes).isEmpty();
	}

	@Test
	void aWorkerAtItsTaskLimitLeavesAndIsReplaced() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord task = submitted();
		Effects done = this.dispatcher.done(new Message.Done("c0", task.id, true, new byte[0], 1, true), 1, null);
		assertThat(done.outcomes).hasSize(1);
		assertThat(this.dispatcher.readyWorkers()).isZero();
		assertThat(gone("c0", 0, 0).starts).extracting((worker) -> worker.id).containsExactly("c0");
	}

	@Test
	void startedWorkersThatExitBeforeTheyAreReadyBreakThePoolAfterThreeInARow() {
		TaskRecord task = task();
		this.dispatcher.start();
		this.dispatcher.submit(task);
		gone("c0", 0, 1);
		gone("c0", 1, 1);
		Effects third = gone("c0", 2, 1);
		assertThat(third.outcomes).singleElement()
			.satisfies((outcome) -> assertThat(outcome.failure()).isInstanceOf(PoolBrokenException.class)
				.hasMessageContaining("status 1"));
		assertThat(third.starts).isEmpty();
		assertThat(third.stops).extracting((worker) -> worker.id).containsExactly("c1");
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> this.dispatcher.submit(task()))
			.withCauseInstanceOf(PoolBrokenException.class);
		assertThat(this.dispatcher.info().state()).isEqualTo("broken");
	}

	@Test
	void aFailingInitializerBreaksThePool() {
		this.dispatcher.start();
		TaskRecord task = submitted();
		Effects broken = this.dispatcher.initializerFailed("c0", new IllegalStateException("no config"));
		assertThat(broken.outcomes).singleElement()
			.satisfies((outcome) -> assertThat(outcome.failure()).isInstanceOf(PoolBrokenException.class)
				.hasMessageContaining("no config")
				.hasCauseInstanceOf(IllegalStateException.class));
		assertThat(broken.stops).hasSize(2);
	}

	@Test
	void shutdownLetsQueuedTasksRunThenStopsIdleWorkersAndTerminatesWhenAllAreGone() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord running = submitted();
		TaskRecord queued = submitted();
		assertThat(this.dispatcher.shutdown().sends).isEmpty();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> this.dispatcher.submit(task()));
		Effects first = this.dispatcher.done(done("c0", running), 1, null);
		assertThat(first.sends).as("the second is at the worker already").isEmpty();
		assertThat(first.started).extracting(Effects.Started::task).containsExactly(queued);
		Effects second = this.dispatcher.done(done("c0", queued), 2, null);
		assertThat(second.sends).singleElement()
			.satisfies((send) -> assertThat(send.message()).isInstanceOf(Message.Stop.class));
		Effects c1 = ready("c1");
		assertThat(c1.sends).singleElement()
			.satisfies((send) -> assertThat(send.message()).isInstanceOf(Message.Stop.class));
		assertThat(gone("c0", 0, 0).starts).isEmpty();
		assertThat(gone("c1", 0, 0).terminated).isTrue();
		assertThat(this.dispatcher.isTerminated()).isTrue();
	}

	@Test
	void shutdownNowHandsBackQueuedTasksAndCancelsRunningOnes() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord running = submitted();
		TaskRecord queued = submitted();
		List<TaskRecord> drained = new ArrayList<>();
		Effects effects = this.dispatcher.shutdownNow(drained);
		assertThat(drained).containsExactly(queued);
		assertThat(effects.outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.task()).isSameAs(running);
			assertThat(outcome.failure()).isInstanceOf(CancellationException.class);
		});
		assertThat(effects.stops).hasSize(2);
		gone("c0", 0, 137);
		assertThat(gone("c1", 0, 137).terminated).isTrue();
	}

	@Test
	void aCancelledQueuedTaskIsNotSent() {
		this.dispatcher.start();
		TaskRecord cancelled = submitted();
		TaskRecord next = submitted();
		cancelled.future.cancel(false);
		assertThat(ready("c0").sends).singleElement()
			.satisfies((send) -> assertThat(send.tasks()).containsExactly(next));
	}

	@Test
	void aJoinedWorkerIsRegisteredOnHelloAndNotReplacedWhenGone() {
		this.dispatcher.start();
		Effects hello = this.dispatcher.hello(new Message.Hello("j1", 9, "other", true));
		assertThat(hello.sends).singleElement()
			.satisfies((send) -> assertThat(((Message.Welcome) send.message()).maxTasks()).isZero());
		TaskRecord task = submitted();
		assertThat(ready("j1").sends).singleElement()
			.satisfies((send) -> assertThat(send.tasks()).containsExactly(task));
		Effects gone = gone("j1", 0, -1);
		assertThat(gone.starts).isEmpty();
		assertThat(this.dispatcher.info().queued()).isEqualTo(1);
	}

	@Test
	void aJoinedWorkerSayingHelloToAStoppedPoolIsToldToStop() {
		this.dispatcher.start();
		this.dispatcher.shutdown();
		Effects hello = this.dispatcher.hello(new Message.Hello("j1", 9, "other", true));
		assertThat(hello.sends).singleElement()
			.satisfies((send) -> assertThat(send.message()).isInstanceOf(Message.Stop.class));
		assertThat(this.dispatcher.isWorker("j1")).isFalse();
	}

	@Test
	void aFailedSendRequeuesTheTaskWithoutCountingItAndStopsTheWorker() {
		this.dispatcher.start();
		ready("c0");
		TaskRecord task = task();
		Effects.Send send = this.dispatcher.submit(task).sends.get(0);
		Effects failed = this.dispatcher.sendFailed(send);
		assertThat(failed.stops).extracting((worker) -> worker.id).containsExactly("c0");
		assertThat(task.attempts).isZero();
		assertThat(this.dispatcher.info().queued()).isEqualTo(1);
	}

	private Effects ready(String worker) {
		this.dispatcher.hello(new Message.Hello(worker, 1, "host", false));
		return this.dispatcher.ready(worker);
	}

	private TaskRecord submitted() {
		TaskRecord task = task();
		this.dispatcher.submit(task);
		return task;
	}

	private TaskRecord task() {
		return new TaskRecord(++this.ids, new PoolTask.Call(() -> null), new byte[0]);
	}

	private Effects gone(String worker, int generation, int exitCode) {
		return this.dispatcher.gone(new Message.Gone(worker, generation, exitCode));
	}

	private static Message.Done done(String worker, TaskRecord task) {
		return new Message.Done(worker, task.id, true, new byte[0], 1, false);
	}

}
