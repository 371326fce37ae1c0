package io.sharedstate.contract;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.semaphore.SharedSemaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedSemaphore}: {@link java.util.concurrent.Semaphore}
 * semantics, first come first served, plus Python's {@code BoundedSemaphore}, on every
 * engine.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public abstract class SharedSemaphoreContract extends ContractSupport {

	private static final Duration SHORT = Duration.ofMillis(200);

	private static final long LONG_SECONDS = 20;

	private SharedSemaphore semaphore(int permits) {
		return manager().semaphore(uniqueName(), permits);
	}

	private SharedSemaphore bounded(int permits) {
		return manager().boundedSemaphore(uniqueName(), permits);
	}

	private SharedSemaphore peerSemaphore() {
		return peer().semaphore(uniqueName(), 0);
	}

	@Test
	void knowsItsNameAndType() {
		assertThat(semaphore(1).name()).isEqualTo(uniqueName());
		assertThat(semaphore(1).type()).isEqualTo(SharedType.SEMAPHORE);
		assertThat(manager().boundedSemaphore(uniqueName() + ".b", 1).type()).isEqualTo(SharedType.BOUNDED_SEMAPHORE);
	}

	@Test
	void nameOfASemaphoreIsRefusedForABoundedOne() {
		semaphore(1);
		assertThatExceptionOfType(SharedTypeMismatchException.class)
			.isThrownBy(() -> manager().boundedSemaphore(uniqueName(), 1));
	}

	@Test
	void permitsAreThoseGivenWhenItWasCreated() {
		semaphore(3);
		assertThat(manager().semaphore(uniqueName(), 99).availablePermits()).isEqualTo(3);
		assertThat(peer().semaphore(uniqueName(), 42).availablePermits()).isEqualTo(3);
	}

	@Test
	void negativeInitialPermitsMustBeReleasedUpBeforeAnAcquireSucceedsAsWithTheJdkSemaphore() throws Exception {
		SharedSemaphore semaphore = semaphore(-1);
		assertThat(semaphore.availablePermits()).isEqualTo(-1);
		assertThat(semaphore.tryAcquire()).isFalse();
		semaphore.release();
		assertThat(semaphore.tryAcquire()).as("still at zero").isFalse();
		semaphore.release();
		assertThat(semaphore.tryAcquire(1, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void boundedSemaphoreWithNegativeInitialPermitsIsRefusedNamingTheBound() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> manager().boundedSemaphore("negative-bound", -1))
			.withMessageContaining("bound");
	}

	@Test
	void acquireTakesAPermitAndReleaseGivesItBack() throws Exception {
		SharedSemaphore semaphore = semaphore(2);
		semaphore.acquire();
		assertThat(semaphore.availablePermits()).isEqualTo(1);
		semaphore.acquire();
		assertThat(semaphore.availablePermits()).isZero();
		semaphore.release();
		assertThat(semaphore.availablePermits()).isEqualTo(1);
		semaphore.release();
		assertThat(semaphore.availablePermits()).isEqualTo(2);
	}

	@Test
	void acquireAndReleaseSeveralPermitsAtOnce() throws Exception {
		SharedSemaphore semaphore = semaphore(5);
		semaphore.acquire(3);
		assertThat(semaphore.availablePermits()).isEqualTo(2);
		assertThat(semaphore.tryAcquire(3)).isFalse();
		assertThat(semaphore.tryAcquire(2)).isTrue();
		assertThat(semaphore.availablePermits()).isZero();
		semaphore.release(5);
		assertThat(semaphore.availablePermits()).isEqualTo(5);
	}

	@Test
	void negativePermitsAreRefused() {
		SharedSemaphore semaphore = semaphore(1);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> semaphore.acquire(-1));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> semaphore.release(-1));
		assertThat(semaphore.availablePermits()).isEqualTo(1);
	}

	@Test
	void tryAcquireFailsAtOnceWithoutPermits() {
		SharedSemaphore semaphore = semaphore(0);
		assertThat(semaphore.tryAcquire()).isFalse();
		assertThat(semaphore.availablePermits()).isZero();
	}

	@Test
	void timedTryAcquireGivesUpAfterItsTimeout() throws Exception {
		SharedSemaphore semaphore = semaphore(1);
		long start = System.nanoTime();
		assertThat(semaphore.tryAcquire(2, SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		assertWaitedFor(start, SHORT);
		start = System.nanoTime();
		semaphore.acquire();
		assertThat(semaphore.tryAcquire(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		assertWaitedFor(start, SHORT);
		assertThat(semaphore.availablePermits()).isZero();
	}

	@Test
	void timedTryAcquireSucceedsWhenPermitsAreReleasedInTime() throws Exception {
		SharedSemaphore semaphore = semaphore(0);
		Background<Boolean> waiter = inBackground(() -> semaphore.tryAcquire(2, LONG_SECONDS, TimeUnit.SECONDS));
		waiter.awaitWaiting();
		semaphore.release();
		waiter.assertStillWaitingAfter(SHORT);
		semaphore.release();
		assertThat(waiter.get()).isTrue();
		assertThat(semaphore.availablePermits()).isZero();
	}

	@Test
	void acquireWaitsForAReleaseFromAnotherProcess() throws Exception {
		SharedSemaphore semaphore = semaphore(0);
		Background<Void> waiter = runInBackground(() -> semaphore.acquire());
		waiter.awaitWaiting();
		peerSemaphore().release();
		waiter.get();
		assertThat(peerSemaphore().availablePermits()).isZero();
	}

	@Test
	void waiterForManyPermitsHoldsBackLaterWaitersForFewer() throws Exception {
		SharedSemaphore semaphore = semaphore(0);
		Background<Void> many = runInBackground(() -> semaphore.acquire(3)).awaitWaiting();
		Background<Void> one = runInBackground(() -> semaphore.acquire()).awaitWaiting();
		semaphore.release();
		one.assertStillWaitingAfter(SHORT);
		assertThat(semaphore.availablePermits()).isEqualTo(1);
		semaphore.release(2);
		many.get();
		one.assertStillWaitingAfter(SHORT);
		semaphore.release();
		one.get();
		assertThat(semaphore.availablePermits()).isZero();
	}

	@Test
	void tryAcquireTakesFreePermitsEvenWhenOthersWait() throws Exception {
		SharedSemaphore semaphore = semaphore(2);
		Background<Void> many = runInBackground(() -> semaphore.acquire(3)).awaitWaiting();
		assertThat(semaphore.tryAcquire()).isTrue();
		assertThat(semaphore.availablePermits()).isEqualTo(1);
		semaphore.release(2);
		many.get();
	}

	@Test
	void timedTryAcquireQueuesBehindEarlierWaiters() throws Exception {
		SharedSemaphore semaphore = semaphore(2);
		Background<Void> many = runInBackground(() -> semaphore.acquire(3)).awaitWaiting();
		assertThat(semaphore.tryAcquire(1, SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		semaphore.release();
		many.get();
	}

	@Test
	void waiterThatTimesOutLetsTheWaitersBehindItThrough() throws Exception {
		SharedSemaphore semaphore = semaphore(1);
		Background<Boolean> many = inBackground(() -> semaphore.tryAcquire(3, SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.awaitWaiting();
		Background<Boolean> one = inBackground(() -> semaphore.tryAcquire(LONG_SECONDS, TimeUnit.SECONDS))
			.awaitWaiting();
		assertThat(many.get()).isFalse();
		assertThat(one.get(Duration.ofSeconds(5))).as("served once the waiter ahead gave up").isTrue();
		assertThat(semaphore.availablePermits()).isZero();
	}

	@Test
	void waiterThatIsInterruptedLetsTheWaitersBehindItThrough() throws Exception {
		SharedSemaphore semaphore = semaphore(1);
		Background<Void> many = runInBackground(() -> semaphore.acquire(3)).awaitWaiting();
		Background<Boolean> one = inBackground(() -> semaphore.tryAcquire(LONG_SECONDS, TimeUnit.SECONDS))
			.awaitWaiting();
		many.interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(many::get);
		assertThat(one.get(Duration.ofSeconds(5))).as("served once the waiter ahead gave up").isTrue();
	}

	@Test
	void drainPermitsTakesEveryFreePermit() {
		SharedSemaphore semaphore = semaphore(4);
		assertThat(semaphore.tryAcquire()).isTrue();
		assertThat(semaphore.drainPermits()).isEqualTo(3);
		assertThat(semaphore.availablePermits()).isZero();
		assertThat(semaphore.drainPermits()).isZero();
		semaphore.release(4);
		assertThat(semaphore.availablePermits()).isEqualTo(4);
	}

	@Test
	void releaseAboveTheInitialPermitsIsAllowedForAPlainSemaphore() {
		SharedSemaphore semaphore = semaphore(1);
		semaphore.release(2);
		assertThat(semaphore.availablePermits()).isEqualTo(3);
		assertThat(peerSemaphore().availablePermits()).isEqualTo(3);
	}

	@Test
	void boundedSemaphoreRefusesReleasesAboveItsInitialPermits() throws Exception {
		SharedSemaphore semaphore = bounded(2);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(semaphore::release)
			.withMessageContaining(uniqueName());
		semaphore.acquire();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> semaphore.release(2));
		assertThat(semaphore.availablePermits()).isEqualTo(1);
		semaphore.release();
		assertThat(semaphore.availablePermits()).isEqualTo(2);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(semaphore::release);
	}

	@Test
	void boundedSemaphoreTakesBackPermitsAcquiredInAnotherProcess() throws Exception {
		SharedSemaphore semaphore = bounded(1);
		SharedSemaphore there = peer().boundedSemaphore(uniqueName(), 1);
		there.acquire();
		semaphore.release();
		assertThat(semaphore.availablePermits()).isEqualTo(1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(there::release);
	}

	@Test
	void interruptingAWaitingThreadThrowsAndLeaksNoPermit() throws Exception {
		SharedSemaphore semaphore = semaphore(0);
		Background<Void> waiter = runInBackground(() -> semaphore.acquire(2));
		waiter.awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(waiter::get);
		semaphore.release(2);
		assertThat(semaphore.availablePermits()).isEqualTo(2);
		assertThat(semaphore.tryAcquire(2)).isTrue();
	}

	@Test
	void interruptingATimedWaitThrowsAndLeaksNoPermit() throws Exception {
		SharedSemaphore semaphore = semaphore(0);
		Background<Boolean> waiter = inBackground(() -> semaphore.tryAcquire(LONG_SECONDS, TimeUnit.SECONDS));
		waiter.awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(waiter::get);
		semaphore.release();
		assertThat(semaphore.availablePermits()).isEqualTo(1);
	}

	@Test
	void interruptedThreadDoesNotAcquire() {
		SharedSemaphore semaphore = semaphore(1);
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(semaphore::acquire);
		assertThat(semaphore.availablePermits()).isEqualTo(1);
	}

	@Test
	void acquireUninterruptiblyWaitsThroughInterruptsAndKeepsTheInterruptStatus() throws Exception {
		SharedSemaphore semaphore = semaphore(0);
		Background<Boolean> waiter = inBackground(() -> {
			semaphore.acquireUninterruptibly();
			return Thread.currentThread().isInterrupted();
		});
		waiter.awaitWaiting().interrupt().assertStillWaitingAfter(SHORT);
		semaphore.release();
		assertThat(waiter.get()).isTrue();
		assertThat(semaphore.availablePermits()).isZero();
	}

	@Test
	void permitsLimitHowManyThreadsOfTwoProcessesAreInsideAtOnce() throws Exception {
		SharedSemaphore semaphore = semaphore(2);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		inParallel(4, (thread) -> {
			SharedSemaphore own = (thread % 2 == 0) ? semaphore : peerSemaphore();
			for (int i = 0; i < 50; i++) {
				own.acquire();
				try {
					most.accumulateAndGet(inside.incrementAndGet(), Math::max);
					inside.decrementAndGet();
				}
				finally {
					own.release();
				}
			}
		});
		assertThat(most.get()).isBetween(1, 2);
		// Releases are sent without waiting, in order per connection: a call on the
		// peer's connection comes after its last release.
		assertThat(peerSemaphore().availablePermits()).isEqualTo(2);
		assertThat(semaphore.availablePermits()).isEqualTo(2);
	}

}
