package io.sharedstate.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.SharedState;
import io.sharedstate.api.SharedType;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.value.SharedCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedCondition}: {@link java.util.concurrent.locks.Condition}
 * semantics on a shared lock, like Python's {@code Condition(lock)}, across threads and
 * processes, on every engine.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public abstract class SharedConditionContract extends ContractSupport {

	private static final Duration SHORT = Duration.ofMillis(200);

	private static final long LONG_SECONDS = 20;

	private String lockName() {
		return uniqueName() + ".lock";
	}

	private SharedLock lock() {
		return manager().rlock(lockName());
	}

	private SharedCondition condition() {
		return manager().condition(uniqueName(), lock());
	}

	private SharedCondition peerCondition() {
		return peer().condition(uniqueName(), peer().rlock(lockName()));
	}

	/**
	 * Starts a thread that takes the condition's lock and waits for a signal.
	 */
	/**
	 * Starts a thread that waits on the condition, and returns once the condition counts
	 * it among its waiters: a thread still taking the lock would miss a signal.
	 */
	private Background<Boolean> waiter(SharedCondition condition) {
		int before = waitingOn(condition);
		Background<Boolean> waiter = inBackground(() -> {
			condition.lock().lock();
			try {
				return condition.await(LONG_SECONDS, TimeUnit.SECONDS);
			}
			finally {
				condition.lock().unlock();
			}
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONG_SECONDS);
		while (waitingOn(condition) <= before && System.nanoTime() - deadline < 0 && !waiter.isDone()) {
			java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
		}
		return waiter;
	}

	private int waitingOn(SharedCondition condition) {
		return host().inspector()
			.object(condition.name(), 0)
			.map((info) -> ((Number) info.state().get("waiting")).intValue())
			.orElse(0);
	}

	private static void signalHolding(SharedCondition condition, boolean all) {
		condition.lock().lock();
		try {
			if (all) {
				condition.signalAll();
			}
			else {
				condition.signal();
			}
		}
		finally {
			condition.lock().unlock();
		}
	}

	@Test
	void knowsItsNameTypeAndLock() {
		SharedCondition condition = condition();
		assertThat(condition.name()).isEqualTo(uniqueName());
		assertThat(condition.type()).isEqualTo(SharedType.CONDITION);
		assertThat(condition.lock().name()).isEqualTo(lockName());
	}

	@Test
	void signalWakesAWaitingThread() throws Exception {
		SharedCondition condition = condition();
		Background<Boolean> waiter = waiter(condition).awaitWaiting();
		signalHolding(condition, false);
		assertThat(waiter.get()).as("woken by the signal, not the timeout").isTrue();
	}

	@Test
	void signalWakesOneWaiterInTheOrderTheyCame() throws Exception {
		SharedCondition condition = condition();
		Background<Boolean> first = waiter(condition).awaitWaiting();
		Background<Boolean> second = waiter(condition).awaitWaiting();
		signalHolding(condition, false);
		assertThat(first.get()).isTrue();
		second.assertStillWaitingAfter(SHORT);
		signalHolding(condition, false);
		assertThat(second.get()).isTrue();
	}

	@Test
	void signalAllWakesEveryWaiter() throws Exception {
		SharedCondition condition = condition();
		List<Background<Boolean>> waiters = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			waiters.add(waiter(condition).awaitWaiting());
		}
		signalHolding(condition, true);
		for (Background<Boolean> waiter : waiters) {
			assertThat(waiter.get()).isTrue();
		}
	}

	@Test
	void signalWithoutWaitersIsNotRemembered() throws Exception {
		SharedCondition condition = condition();
		signalHolding(condition, true);
		SharedLock lock = condition.lock();
		lock.lock();
		try {
			assertThat(condition.await(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		}
		finally {
			lock.unlock();
		}
	}

	@Test
	void signalFromAnotherProcessWakesAWaiter() throws Exception {
		Background<Boolean> waiter = waiter(condition()).awaitWaiting();
		signalHolding(peerCondition(), false);
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void signalAllWakesWaitersOfBothProcesses() throws Exception {
		Background<Boolean> here = waiter(condition()).awaitWaiting();
		Background<Boolean> there = waiter(peerCondition()).awaitWaiting();
		signalHolding(condition(), true);
		assertThat(here.get()).isTrue();
		assertThat(there.get()).isTrue();
	}

	@Test
	void awaitTimesOutWithFalseAndHoldsTheLockAgain() throws Exception {
		SharedCondition condition = condition();
		SharedLock lock = condition.lock();
		lock.lock();
		try {
			long start = System.nanoTime();
			assertThat(condition.await(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
			assertWaitedFor(start, SHORT);
			assertThat(lock.isHeldByCurrentThread()).isTrue();
			assertThat(inBackground(lock::tryLock).get()).as("the lock is taken again").isFalse();
		}
		finally {
			lock.unlock();
		}
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void awaitNanosReturnsTheTimeLeft() throws Exception {
		SharedCondition condition = condition();
		SharedLock lock = condition.lock();
		lock.lock();
		try {
			assertThat(condition.awaitNanos(SHORT.toNanos())).isLessThanOrEqualTo(0);
		}
		finally {
			lock.unlock();
		}
	}

	@Test
	void awaitReleasesTheLockWhileWaiting() throws Exception {
		SharedCondition condition = condition();
		waiter(condition).awaitWaiting();
		SharedLock lock = condition.lock();
		assertThat(inBackground(() -> {
			boolean locked = lock.tryLock(LONG_SECONDS, TimeUnit.SECONDS);
			lock.unlock();
			return locked;
		}).get()).isTrue();
	}

	@Test
	void awaitRestoresEveryHoldOfAReentrantLock() throws Exception {
		SharedCondition condition = condition();
		SharedLock lock = condition.lock();
		Background<Boolean> waiter = inBackground(() -> {
			lock.lock();
			lock.lock();
			condition.await(LONG_SECONDS, TimeUnit.SECONDS);
			lock.unlock();
			boolean stillHeld = lock.isHeldByCurrentThread();
			lock.unlock();
			return stillHeld && !lock.isHeldByCurrentThread();
		});
		waiter.awaitWaiting();
		signalHolding(condition, false);
		assertThat(waiter.get()).isTrue();
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void wokenWaiterRunsOnlyOnceTheSignallerUnlocks() throws Exception {
		SharedCondition condition = condition();
		SharedLock lock = condition.lock();
		Background<Boolean> waiter = waiter(condition).awaitWaiting();
		lock.lock();
		condition.signal();
		waiter.assertStillWaitingAfter(SHORT);
		lock.unlock();
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void waitForReturnsOnceThePredicateHolds() throws Exception {
		SharedCondition condition = condition();
		SharedCounter counter = manager().counter(uniqueName() + ".count");
		Background<Boolean> waiter = inBackground(() -> {
			condition.lock().lock();
			try {
				return condition.waitFor(() -> counter.get() >= 3, LONG_SECONDS, TimeUnit.SECONDS);
			}
			finally {
				condition.lock().unlock();
			}
		});
		for (int i = 0; i < 3; i++) {
			waiter.awaitWaiting();
			SharedCondition peerCondition = peerCondition();
			peerCondition.lock().lock();
			peer().counter(uniqueName() + ".count").incrementAndGet();
			peerCondition.signalAll();
			peerCondition.lock().unlock();
		}
		assertThat(waiter.get()).isTrue();
		assertThat(counter.get()).isEqualTo(3);
	}

	@Test
	void waitForTestsThePredicateBeforeWaiting() throws Exception {
		SharedCondition condition = condition();
		condition.lock().lock();
		try {
			long start = System.nanoTime();
			assertThat(condition.waitFor(() -> true, LONG_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(LONG_SECONDS));
		}
		finally {
			condition.lock().unlock();
		}
	}

	@Test
	void waitForReturnsFalseWhenThePredicateStaysFalse() throws Exception {
		SharedCondition condition = condition();
		condition.lock().lock();
		try {
			long start = System.nanoTime();
			assertThat(condition.waitFor(() -> false, SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
			assertWaitedFor(start, SHORT);
			assertThat(condition.lock().isHeldByCurrentThread()).isTrue();
		}
		finally {
			condition.lock().unlock();
		}
	}

	@Test
	void signalWithoutTheLockThrowsIllegalMonitorStateException() {
		SharedCondition condition = condition();
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(condition::signal);
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(condition::signalAll);
	}

	@Test
	void signalWhileAnotherThreadHoldsTheLockThrowsIllegalMonitorStateException() throws Exception {
		SharedCondition condition = condition();
		condition.lock().lock();
		try {
			assertThatExceptionOfType(IllegalMonitorStateException.class)
				.isThrownBy(() -> runInBackground(() -> condition.signal()).get());
		}
		finally {
			condition.lock().unlock();
		}
	}

	@Test
	void awaitWithoutTheLockThrowsIllegalMonitorStateException() {
		SharedCondition condition = condition();
		assertThatExceptionOfType(IllegalMonitorStateException.class)
			.isThrownBy(() -> condition.await(1, TimeUnit.SECONDS));
		assertThat(condition.lock().isLocked()).isFalse();
	}

	@Test
	void interruptDuringAwaitThrowsWithTheLockHeldAgain() throws Exception {
		SharedCondition condition = condition();
		Background<Boolean> waiter = inBackground(() -> {
			condition.lock().lock();
			try {
				condition.await();
				return false;
			}
			catch (InterruptedException ex) {
				return condition.lock().isHeldByCurrentThread();
			}
			finally {
				condition.lock().unlock();
			}
		});
		waiter.awaitWaiting().interrupt();
		assertThat(waiter.get()).as("interrupted, holding the lock").isTrue();
		assertThat(condition.lock().isLocked()).isFalse();
	}

	@Test
	void interruptedWaiterTakesTheLockBackOnlyWhenItIsFree() throws Exception {
		SharedCondition condition = condition();
		SharedLock lock = condition.lock();
		Background<Boolean> waiter = inBackground(() -> {
			lock.lock();
			try {
				condition.await();
				return false;
			}
			catch (InterruptedException ex) {
				return lock.isHeldByCurrentThread();
			}
			finally {
				lock.unlock();
			}
		});
		waiter.awaitWaiting();
		lock.lock();
		waiter.interrupt().assertStillWaitingAfter(SHORT);
		lock.unlock();
		assertThat(waiter.get()).isTrue();
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void interruptedWaiterIsNoLongerSignalled() throws Exception {
		SharedCondition condition = condition();
		Background<Boolean> interrupted = waiter(condition).awaitWaiting();
		Background<Boolean> next = waiter(condition).awaitWaiting();
		interrupted.interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(interrupted::get);
		signalHolding(condition, false);
		assertThat(next.get()).as("the one signal went to the waiter still waiting").isTrue();
	}

	@Test
	void conditionBoundToAnotherLockIsRefused() {
		condition();
		SharedLock other = manager().rlock(uniqueName() + ".other");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> manager().condition(uniqueName(), other))
			.withMessageContaining(lockName())
			.withMessageContaining(uniqueName() + ".other");
	}

	@Test
	void sameNameWithTheSameLockIsTheSameCondition() throws Exception {
		Background<Boolean> waiter = waiter(condition()).awaitWaiting();
		SharedState manager = manager();
		signalHolding(manager.condition(uniqueName(), manager.rlock(lockName())), false);
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void conditionWorksOnANonReentrantLock() throws Exception {
		SharedLock lock = manager().lock(lockName() + ".plain");
		SharedCondition condition = manager().condition(uniqueName() + ".plain", lock);
		Background<Boolean> waiter = waiter(condition).awaitWaiting();
		signalHolding(condition, false);
		assertThat(waiter.get()).isTrue();
		assertThat(lock.isLocked()).isFalse();
	}

}
