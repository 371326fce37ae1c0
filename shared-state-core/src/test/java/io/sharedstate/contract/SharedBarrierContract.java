package io.sharedstate.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.barrier.SharedBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedBarrier}: {@link java.util.concurrent.CyclicBarrier}
 * semantics across threads and processes, like Python's {@code Barrier}, on every engine.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public abstract class SharedBarrierContract extends ContractSupport {

	private static final Duration SHORT = Duration.ofMillis(200);

	private static final long LONG_SECONDS = 20;

	private SharedBarrier barrier(int parties) {
		return manager().barrier(uniqueName(), parties);
	}

	private SharedBarrier peerBarrier(int parties) {
		return peer().barrier(uniqueName(), parties);
	}

	private Background<Integer> arrival(SharedBarrier barrier) {
		return inBackground(() -> barrier.await(LONG_SECONDS, TimeUnit.SECONDS));
	}

	/**
	 * Waits until the barrier counts the given waiters, as its own view reports.
	 */
	private static void awaitWaiting(SharedBarrier barrier, int waiting) throws InterruptedException {
		long deadline = System.nanoTime() + Background.PATIENCE.toNanos();
		while (barrier.numberWaiting() < waiting) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Fewer than " + waiting + " parties waited at " + barrier);
			}
			Thread.sleep(2);
		}
	}

	@Test
	void knowsItsNameTypeAndParties() {
		SharedBarrier barrier = barrier(3);
		assertThat(barrier.name()).isEqualTo(uniqueName());
		assertThat(barrier.type()).isEqualTo(SharedType.BARRIER);
		assertThat(barrier.parties()).isEqualTo(3);
		assertThat(peerBarrier(3).parties()).isEqualTo(3);
	}

	@Test
	void nameOfAnotherTypeIsRefused() {
		barrier(2);
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().event(uniqueName()));
	}

	@Test
	void differentPartiesForAnExistingBarrierAreRefused() {
		barrier(3);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> barrier(2))
			.withMessageContaining(uniqueName())
			.withMessageContaining("3");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> peerBarrier(4));
	}

	@Test
	void noPartiesAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> barrier(0));
	}

	@Test
	void newBarrierIsNotBrokenAndNobodyWaits() {
		SharedBarrier barrier = barrier(2);
		assertThat(barrier.isBroken()).isFalse();
		assertThat(barrier.numberWaiting()).isZero();
	}

	@Test
	void singlePartyPassesAtOnce() throws Exception {
		assertThat(barrier(1).await()).isZero();
		assertThat(barrier(1).await(1, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void partiesWaitUntilAllHaveArrived() throws Exception {
		SharedBarrier barrier = barrier(3);
		Background<Integer> first = arrival(barrier);
		awaitWaiting(barrier, 1);
		Background<Integer> second = arrival(peerBarrier(3));
		awaitWaiting(barrier, 2);
		first.assertStillWaitingAfter(SHORT);
		assertThat(barrier.await(LONG_SECONDS, TimeUnit.SECONDS)).as("the last arrival's index").isZero();
		assertThat(List.of(first.get(), second.get())).containsExactly(2, 1);
		assertThat(barrier.numberWaiting()).isZero();
	}

	@Test
	void arrivalIndexesAreDistinctFromPartiesMinusOneToZero() throws Exception {
		SharedBarrier barrier = barrier(4);
		List<Integer> indexes = Collections.synchronizedList(new ArrayList<>());
		inParallel(4, (thread) -> indexes.add(((thread % 2 == 0) ? barrier : peerBarrier(4)).await()));
		assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2, 3);
	}

	@Test
	void barrierIsReusedRoundAfterRound() throws Exception {
		SharedBarrier barrier = barrier(3);
		AtomicInteger lastArrivals = new AtomicInteger();
		inParallel(3, (thread) -> {
			SharedBarrier own = (thread == 0) ? peerBarrier(3) : barrier;
			for (int round = 0; round < 5; round++) {
				if (own.await(LONG_SECONDS, TimeUnit.SECONDS) == 0) {
					lastArrivals.incrementAndGet();
				}
			}
		});
		assertThat(lastArrivals).as("one last arrival per round").hasValue(5);
		assertThat(barrier.isBroken()).isFalse();
	}

	@Test
	void actionRunsOncePerRoundInTheLastArrivalBeforeTheOthersGoOn() throws Exception {
		AtomicInteger actions = new AtomicInteger();
		AtomicReference<Thread> actionThread = new AtomicReference<>();
		AtomicInteger releasedBeforeAction = new AtomicInteger();
		int[] actionsSeenByWaiters = new int[1];
		SharedBarrier barrier = manager().barrier(uniqueName(), 2, () -> {
			actionThread.set(Thread.currentThread());
			actions.incrementAndGet();
		});
		for (int round = 1; round <= 3; round++) {
			Background<Integer> first = inBackground(() -> {
				int index = barrier.await(LONG_SECONDS, TimeUnit.SECONDS);
				actionsSeenByWaiters[0] = actions.get();
				return index;
			});
			awaitWaiting(barrier, 1);
			assertThat(barrier.await(LONG_SECONDS, TimeUnit.SECONDS)).isZero();
			assertThat(first.get()).isEqualTo(1);
			assertThat(actionThread.get()).as("run by the last arrival").isSameAs(Thread.currentThread());
			assertThat(actions).hasValue(round);
			if (actionsSeenByWaiters[0] != round) {
				releasedBeforeAction.incrementAndGet();
			}
		}
		assertThat(releasedBeforeAction).as("waiters released only after the action").hasValue(0);
	}

	@Test
	void actionOfAnEarlierArrivalDoesNotRun() throws Exception {
		AtomicInteger earlyActions = new AtomicInteger();
		SharedBarrier early = manager().barrier(uniqueName(), 2, earlyActions::incrementAndGet);
		Background<Integer> first = inBackground(() -> early.await(LONG_SECONDS, TimeUnit.SECONDS));
		awaitWaiting(early, 1);
		assertThat(peerBarrier(2).await(LONG_SECONDS, TimeUnit.SECONDS)).isZero();
		assertThat(first.get()).isEqualTo(1);
		assertThat(earlyActions).hasValue(0);
	}

	@Test
	void failingActionBreaksTheBarrier() throws Exception {
		SharedBarrier barrier = manager().barrier(uniqueName(), 2, () -> {
			throw new IllegalStateException("action failed");
		});
		Background<Integer> first = arrival(peerBarrier(2));
		awaitWaiting(barrier, 1);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> barrier.await(LONG_SECONDS, TimeUnit.SECONDS))
			.withMessage("action failed");
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(first::get);
		assertThat(barrier.isBroken()).isTrue();
	}

	@Test
	void timeoutBreaksTheBarrierForEveryWaiter() throws Exception {
		SharedBarrier barrier = barrier(3);
		Background<Integer> patient = inBackground(() -> peerBarrier(3).await());
		awaitWaiting(barrier, 1);
		long start = System.nanoTime();
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> barrier.await(SHORT.toMillis(), TimeUnit.MILLISECONDS));
		assertWaitedFor(start, SHORT);
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(patient::get);
		assertThat(barrier.isBroken()).isTrue();
		assertThat(barrier.numberWaiting()).isZero();
	}

	@Test
	void brokenBarrierFailsEveryLaterArrivalAtOnce() throws Exception {
		SharedBarrier barrier = barrier(2);
		barrier.abort();
		assertThatExceptionOfType(BrokenBarrierException.class)
			.isThrownBy(() -> barrier.await(LONG_SECONDS, TimeUnit.SECONDS));
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(peerBarrier(2)::await);
		assertThat(peerBarrier(2).isBroken()).isTrue();
	}

	@Test
	void abortBreaksTheBarrierForTheWaiters() throws Exception {
		SharedBarrier barrier = barrier(3);
		Background<Integer> first = arrival(barrier);
		Background<Integer> second = arrival(peerBarrier(3));
		awaitWaiting(barrier, 2);
		peerBarrier(3).abort();
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(first::get);
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(second::get);
		assertThat(barrier.isBroken()).isTrue();
	}

	@Test
	void resetBreaksTheCurrentRoundAndStartsAFreshOne() throws Exception {
		SharedBarrier barrier = barrier(2);
		Background<Integer> waiting = arrival(barrier);
		awaitWaiting(barrier, 1);
		barrier.reset();
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(waiting::get);
		assertThat(barrier.isBroken()).isFalse();
		assertThat(barrier.numberWaiting()).isZero();
		Background<Integer> next = arrival(peerBarrier(2));
		awaitWaiting(barrier, 1);
		assertThat(barrier.await(LONG_SECONDS, TimeUnit.SECONDS)).isZero();
		assertThat(next.get()).isEqualTo(1);
	}

	@Test
	void resetRepairsABrokenBarrier() throws Exception {
		SharedBarrier barrier = barrier(1);
		barrier.abort();
		assertThat(barrier.isBroken()).isTrue();
		barrier.reset();
		assertThat(barrier.isBroken()).isFalse();
		assertThat(barrier.await()).isZero();
	}

	@Test
	void numberWaitingCountsTheWaitersOfEveryProcess() throws Exception {
		SharedBarrier barrier = barrier(3);
		Background<Integer> first = arrival(barrier);
		awaitWaiting(barrier, 1);
		assertThat(peerBarrier(3).numberWaiting()).isEqualTo(1);
		Background<Integer> second = arrival(peerBarrier(3));
		awaitWaiting(barrier, 2);
		assertThat(barrier.numberWaiting()).isEqualTo(2);
		barrier.await();
		first.get();
		second.get();
		assertThat(barrier.numberWaiting()).isZero();
	}

	@Test
	void interruptingAWaiterThrowsInterruptedExceptionAndBreaksTheBarrier() throws Exception {
		SharedBarrier barrier = barrier(3);
		Background<Integer> interrupted = arrival(barrier);
		Background<Integer> other = arrival(peerBarrier(3));
		awaitWaiting(barrier, 2);
		interrupted.interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(interrupted::get);
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(other::get);
		assertThat(barrier.isBroken()).isTrue();
	}

	@Test
	void arrivingWithTheInterruptStatusSetThrowsInterruptedExceptionAndBreaksTheBarrier() throws Exception {
		SharedBarrier barrier = barrier(2);
		Background<Integer> other = arrival(peerBarrier(2));
		awaitWaiting(barrier, 1);
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(barrier::await);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThatExceptionOfType(BrokenBarrierException.class).isThrownBy(other::get);
		assertThat(barrier.isBroken()).isTrue();
	}

}
