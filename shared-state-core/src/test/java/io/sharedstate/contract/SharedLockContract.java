package io.sharedstate.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.lock.LockLostException;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.queue.SharedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedLock}: {@code lock(name)} is a non-reentrant lock like
 * Python's {@code Lock}, {@code rlock(name)} a reentrant one like {@code RLock}, both
 * with {@link java.util.concurrent.locks.Lock} semantics, first come first served, on
 * every engine.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public abstract class SharedLockContract extends ContractSupport {

	private static final Duration SHORT = Duration.ofMillis(200);

	private SharedLock lock() {
		return manager().lock(uniqueName());
	}

	private SharedLock rlock() {
		return manager().rlock(uniqueName());
	}

	private SharedLock peerLock() {
		return peer().lock(uniqueName());
	}

	@Test
	void knowsItsNameAndType() {
		assertThat(lock().name()).isEqualTo(uniqueName());
		assertThat(lock().type()).isEqualTo(SharedType.LOCK);
		SharedLock reentrant = manager().rlock(uniqueName() + ".r");
		assertThat(reentrant.name()).isEqualTo(uniqueName() + ".r");
		assertThat(reentrant.type()).isEqualTo(SharedType.RLOCK);
	}

	@Test
	void nameOfALockIsRefusedForAReentrantLock() {
		lock();
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().rlock(uniqueName()))
			.withMessageContaining(uniqueName());
	}

	@Test
	void newLockIsFree() {
		SharedLock lock = lock();
		assertThat(lock.isLocked()).isFalse();
		assertThat(lock.isHeldByCurrentThread()).isFalse();
	}

	@Test
	void lockIsHeldByTheLockingThreadOnly() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThat(lock.isLocked()).isTrue();
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		assertThat(inBackground(lock::isHeldByCurrentThread).get()).isFalse();
		assertThat(inBackground(lock::isLocked).get()).isTrue();
		lock.unlock();
	}

	@Test
	void unlockFreesTheLock() {
		SharedLock lock = lock();
		lock.lock();
		lock.unlock();
		assertThat(lock.isLocked()).isFalse();
		assertThat(lock.isHeldByCurrentThread()).isFalse();
	}

	@Test
	void sameNameIsTheSameLockForEveryThreadOfTheProcess() {
		manager().lock(uniqueName()).lock();
		assertThat(manager().lock(uniqueName()).isHeldByCurrentThread()).isTrue();
		assertThat(manager().lock(uniqueName()).holderDied()).isFalse();
		manager().lock(uniqueName()).unlock();
		assertThat(lock().isLocked()).isFalse();
	}

	@Test
	void lockIsNotReentrant() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThat(lock.tryLock()).isFalse();
		long start = System.nanoTime();
		assertThat(lock.tryLock(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		assertWaitedFor(start, SHORT);
		lock.unlock();
		assertThat(lock.isLocked()).as("one unlock frees a lock taken once").isFalse();
	}

	@Test
	void secondLockByTheHolderWaitsUntilInterrupted() throws Exception {
		SharedLock lock = lock();
		Background<Void> holder = runInBackground(() -> {
			lock.lock();
			try {
				lock.lockInterruptibly();
			}
			finally {
				lock.unlock();
			}
		});
		holder.awaitWaiting().assertStillWaitingAfter(SHORT);
		holder.interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(holder::get);
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void reentrantLockCountsItsHolds() throws Exception {
		SharedLock lock = rlock();
		lock.lock();
		lock.lock();
		assertThat(lock.tryLock()).isTrue();
		assertThat(lock.tryLock(1, TimeUnit.SECONDS)).isTrue();
		lock.unlock();
		lock.unlock();
		lock.unlock();
		assertThat(lock.isLocked()).isTrue();
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		assertThat(inBackground(lock::tryLock).get()).isFalse();
		lock.unlock();
		assertThat(lock.isLocked()).isFalse();
		assertThat(lock.isHeldByCurrentThread()).isFalse();
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock);
	}

	@Test
	void reentrantLockIsHeldByOneThreadAtATime() throws Exception {
		SharedLock lock = rlock();
		lock.lock();
		Background<Boolean> other = inBackground(() -> lock.tryLock(SHORT.toMillis(), TimeUnit.MILLISECONDS));
		assertThat(other.get()).isFalse();
		lock.unlock();
		assertThat(inBackground(() -> {
			boolean locked = lock.tryLock();
			lock.unlock();
			return locked;
		}).get()).isTrue();
	}

	@Test
	void tryLockFailsAtOnceWhileAnotherThreadHoldsTheLock() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThat(inBackground(lock::tryLock).get()).isFalse();
		lock.unlock();
	}

	@Test
	void timedTryLockGivesUpAfterItsTimeout() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		Background<Long> waited = inBackground(() -> {
			long start = System.nanoTime();
			assertThat(lock.tryLock(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
			return start;
		});
		assertWaitedFor(waited.get(), SHORT);
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		lock.unlock();
		assertThat(lock.isLocked()).as("the timed-out waiter got nothing").isFalse();
	}

	@Test
	void timedTryLockWithZeroTimeoutOnlyTries() throws Exception {
		SharedLock lock = lock();
		assertThat(lock.tryLock(0, TimeUnit.SECONDS)).isTrue();
		assertThat(inBackground(() -> lock.tryLock(0, TimeUnit.SECONDS)).get()).isFalse();
		lock.unlock();
	}

	@Test
	void timedTryLockSucceedsWhenTheLockIsFreedInTime() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		Background<Boolean> waiter = inBackground(() -> {
			boolean locked = lock.tryLock(20, TimeUnit.SECONDS);
			lock.unlock();
			return locked;
		});
		waiter.awaitWaiting();
		lock.unlock();
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void unlockOfAFreeLockThrowsIllegalMonitorStateException() {
		SharedLock lock = lock();
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock)
			.withMessageContaining(uniqueName());
	}

	@Test
	void unlockByAThreadThatDoesNotHoldTheLockThrowsAndLeavesItHeld() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThatExceptionOfType(IllegalMonitorStateException.class)
			.isThrownBy(() -> runInBackground(() -> lock.unlock()).get());
		assertThat(lock.isLocked()).isTrue();
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		lock.unlock();
	}

	@Test
	void unlockThroughAnotherProcessThrowsIllegalMonitorStateException() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThatExceptionOfType(IllegalMonitorStateException.class)
			.isThrownBy(() -> runInBackground(() -> peerLock().unlock()).get());
		assertThat(peerLock().isLocked()).isTrue();
		lock.unlock();
	}

	@Test
	void holderDiedIsFalseWhenTheLockWasHandedOverNormally() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThat(lock.holderDied()).isFalse();
		Background<Boolean> next = inBackground(() -> {
			lock.lock();
			try {
				return lock.holderDied();
			}
			finally {
				lock.unlock();
			}
		});
		next.awaitWaiting();
		lock.unlock();
		assertThat(next.get()).isFalse();
	}

	@Test
	void holderDiedNeedsTheLock() {
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock()::holderDied);
	}

	@Test
	void waitersGetTheLockInTheOrderTheyCame() throws Exception {
		SharedLock lock = lock();
		List<Integer> order = Collections.synchronizedList(new ArrayList<>());
		lock.lock();
		List<Background<Void>> waiters = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int waiter = i;
			waiters.add(runInBackground(() -> {
				lock.lock();
				order.add(waiter);
				lock.unlock();
			}).awaitWaiting());
		}
		lock.unlock();
		for (Background<Void> waiter : waiters) {
			waiter.get();
		}
		assertThat(order).containsExactly(0, 1, 2, 3);
	}

	@Test
	void interruptingAWaitingThreadThrowsAndLeaksNoLock() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		Background<Void> waiter = runInBackground(() -> {
			lock.lockInterruptibly();
			lock.unlock();
		});
		waiter.awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(waiter::get);
		lock.unlock();
		assertThat(lock.isLocked()).isFalse();
		assertThat(inBackground(() -> {
			boolean locked = lock.tryLock(10, TimeUnit.SECONDS);
			lock.unlock();
			return locked;
		}).get()).isTrue();
	}

	@Test
	void interruptingATimedWaitThrowsAndLeaksNoLock() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		Background<Boolean> waiter = inBackground(() -> lock.tryLock(20, TimeUnit.SECONDS));
		waiter.awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(waiter::get);
		lock.unlock();
		assertThat(lock.tryLock()).isTrue();
		lock.unlock();
	}

	@Test
	void interruptedThreadDoesNotGetTheLockInterruptibly() {
		SharedLock lock = lock();
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(lock::lockInterruptibly);
		assertThat(lock.isLocked()).isFalse();
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(() -> lock.tryLock(1, TimeUnit.SECONDS));
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void lockWaitsThroughInterruptsAndKeepsTheInterruptStatus() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		Background<Boolean> waiter = inBackground(() -> {
			lock.lock();
			lock.unlock();
			return Thread.currentThread().isInterrupted();
		});
		waiter.awaitWaiting().interrupt().assertStillWaitingAfter(SHORT);
		lock.unlock();
		assertThat(waiter.get()).isTrue();
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void anotherProcessSeesTheLockTakenAndGetsItWhenItIsFreed() throws Exception {
		SharedLock lock = lock();
		lock.lock();
		assertThat(peerLock().isLocked()).isTrue();
		assertThat(inBackground(() -> peerLock().tryLock()).get()).isFalse();
		Background<Boolean> peerWaiter = inBackground(() -> {
			SharedLock peerLock = peerLock();
			peerLock.lock();
			boolean held = peerLock.isHeldByCurrentThread();
			peerLock.unlock();
			return held;
		});
		peerWaiter.assertStillWaitingAfter(SHORT);
		lock.unlock();
		assertThat(peerWaiter.get()).isTrue();
		assertThat(peerLock().isLocked()).as("as its last holder's process sees it").isFalse();
	}

	@Test
	void newConditionReturnsAWorkingConditionOfTheLock() throws Exception {
		SharedLock lock = lock();
		Background<Boolean> waiter = inBackground(() -> {
			lock.lock();
			try {
				return lock.newCondition().await(20, TimeUnit.SECONDS);
			}
			finally {
				lock.unlock();
			}
		});
		waiter.awaitWaiting();
		lock.lock();
		Condition condition = lock.newCondition();
		condition.signal();
		lock.unlock();
		assertThat(waiter.get()).as("signalled before the timeout").isTrue();
	}

	@Test
	void lockFromManyThreadsOfTwoProcessesIsMutuallyExclusive() throws Exception {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		int[] unprotected = new int[1];
		inParallel(4, (thread) -> {
			SharedLock lock = (thread % 2 == 0) ? lock() : peerLock();
			for (int i = 0; i < 100; i++) {
				lock.lock();
				try {
					if (inside.incrementAndGet() > 1) {
						overlaps.incrementAndGet();
					}
					unprotected[0]++;
					inside.decrementAndGet();
				}
				finally {
					lock.unlock();
				}
			}
		});
		assertThat(overlaps).hasValue(0);
		assertThat(unprotected[0]).isEqualTo(400);
		assertThat(lock().tryLock(10, TimeUnit.SECONDS)).as("the last unlock of either process frees it").isTrue();
		lock().unlock();
	}

	@Test
	void fencedViewWritesWhileTheHoldIsCurrent() {
		SharedLock lock = lock();
		SharedDict<String, Long> dict = manager().dict(uniqueName() + ".dict");
		lock.lock();
		try {
			SharedDict<String, Long> guarded = lock.fenced(dict);
			guarded.put("a", 1L);
			assertThat(guarded.merge("a", 2L, Long::sum)).isEqualTo(3L);
			assertThat(guarded.get("a")).isEqualTo(3L);
			assertThat(lock.stillHeld()).isTrue();
		}
		finally {
			lock.unlock();
		}
		assertThat(peer().<String, Long>dict(uniqueName() + ".dict").get("a")).isEqualTo(3L);
	}

	@Test
	void fencedViewOfAnEarlierHoldIsRefusedOnceAnotherHolderHasTheLock() throws Exception {
		SharedLock lock = lock();
		SharedDict<String, Long> dict = manager().dict(uniqueName() + ".dict");
		lock.lock();
		SharedDict<String, Long> guarded = lock.fenced(dict);
		lock.unlock();
		SharedLock other = peerLock();
		assertThat(other.tryLock(10, TimeUnit.SECONDS)).isTrue();
		try {
			assertThatExceptionOfType(LockLostException.class).isThrownBy(() -> guarded.put("late", 1L))
				.withMessageContaining(uniqueName());
			assertThat(dict.containsKey("late")).isFalse();
		}
		finally {
			other.unlock();
		}
	}

	@Test
	void fencedViewIsRefusedToAThreadThatDoesNotHoldTheLock() {
		SharedLock lock = lock();
		assertThatExceptionOfType(IllegalMonitorStateException.class)
			.isThrownBy(() -> lock.fenced(manager().dict(uniqueName() + ".dict")));
	}

	@Test
	void fencedViewRefusesOperationsThatWait() {
		SharedLock lock = lock();
		lock.lock();
		try {
			SharedQueue<String> guarded = lock.fenced(manager().<String>queue(uniqueName() + ".queue", 0));
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(guarded::take).withMessageContaining("wait");
			assertThat(guarded.size()).isZero();
		}
		finally {
			lock.unlock();
		}
	}

}
