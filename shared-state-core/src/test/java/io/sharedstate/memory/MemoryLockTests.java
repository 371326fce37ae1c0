package io.sharedstate.memory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MemoryLock} within one JVM; {@link SharedMemoryAcrossProcessesTests}
 * kills real holders.
 */
@ExtendWith(TestBlocks.class)
@Timeout(60)
class MemoryLockTests {

	private final String name = TestBlocks.name("lock");

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void cleanUp() {
		this.threads.shutdownNow();
		TestBlocks.remove(this.name);
	}

	@Test
	void lockExcludesOtherThreadsAndIsReentrant() throws Exception {
		MemoryLock lock = MemoryLock.create(this.name);
		MemoryLock other = MemoryLock.attach(this.name);
		lock.lock();
		lock.lock();
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		assertThat(lock.holderPid()).hasValue(ProcessHandle.current().pid());
		assertThat(this.threads.submit(() -> lock.tryLock()).get()).isFalse();
		assertThat(this.threads.submit(() -> other.tryLock(50, TimeUnit.MILLISECONDS)).get()).isFalse();
		lock.unlock();
		assertThat(this.threads.submit(() -> other.tryLock()).get()).isFalse();
		lock.unlock();
		assertThat(lock.isLocked()).isFalse();
		Future<Boolean> taken = this.threads.submit(() -> {
			boolean got = other.tryLock(10, TimeUnit.SECONDS);
			other.unlock();
			return got;
		});
		assertThat(taken.get()).isTrue();
		assertThat(lock.holderPid()).isEmpty();
	}

	@Test
	void waiterGetsTheLockWhenItIsReleased() throws Exception {
		MemoryLock lock = MemoryLock.create(this.name);
		lock.lock();
		CountDownLatch waiting = new CountDownLatch(1);
		Future<Boolean> waiter = this.threads.submit(() -> {
			waiting.countDown();
			lock.lock();
			boolean died = lock.holderDied();
			lock.unlock();
			return died;
		});
		waiting.await();
		lock.unlock();
		assertThat(waiter.get(30, TimeUnit.SECONDS)).isFalse();
	}

	@Test
	void lockOfAProcessThatIsGoneIsTakenOverAndTheNewHolderIsTold() throws Exception {
		MemoryLock lock = MemoryLock.create(this.name);
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		lock.block().putLong(0, (gone.pid() << (64 - Processes.PID_BITS)) | 12345);
		assertThat(lock.holderPid()).hasValue(gone.pid());
		assertThat(lock.tryLock()).isTrue();
		assertThat(lock.holderDied()).isTrue();
		lock.unlock();
		lock.lock();
		assertThat(lock.holderDied()).isFalse();
		lock.unlock();
	}

	@Test
	void lockOfAReusedPidIsTakenOverBecauseTheStartTimeDiffers() {
		MemoryLock lock = MemoryLock.create(this.name);
		long self = Processes.current();
		lock.block().putLong(0, self ^ 1);
		lock.lock();
		assertThat(lock.holderDied()).isTrue();
		lock.unlock();
	}

	@Test
	void interruptEndsAnInterruptibleWaitWithoutTheLock() throws Exception {
		MemoryLock lock = MemoryLock.create(this.name);
		lock.lock();
		CountDownLatch waiting = new CountDownLatch(1);
		java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
		Thread waiter = new Thread(() -> {
			waiting.countDown();
			try {
				lock.lockInterruptibly();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
		});
		waiter.start();
		waiting.await();
		waiter.interrupt();
		waiter.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(interrupted).isTrue();
		lock.unlock();
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void unlockByAThreadThatDoesNotHoldItIsRefused() throws Exception {
		MemoryLock lock = MemoryLock.create(this.name);
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock)
			.withMessageContaining("block '" + this.name + "'");
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::holderDied);
		lock.lock();
		Future<?> stranger = this.threads.submit(lock::unlock);
		assertThat(stranger).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(IllegalMonitorStateException.class);
		lock.unlock();
	}

	@Test
	void lockMustBeAlignedAndFitAndHasNoConditions() {
		try (SharedMemory block = SharedMemory.create(this.name, 24)) {
			assertThatIllegalArgumentException().isThrownBy(() -> MemoryLock.of(block, 4))
				.withMessageContaining("multiple of 8");
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> MemoryLock.of(block, 16));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> MemoryLock.of(block, 8).newCondition())
				.withMessageContaining("lock(name).newCondition()");
		}
	}

	@Test
	void processStartTimeComesFromProc() {
		long pid = ProcessHandle.current().pid();
		assertThat(Processes.pid(Processes.current())).isEqualTo(pid);
		assertThat(Processes.isAlive(Processes.current())).isTrue();
		assertThat(Processes.startTime(pid)).isPositive();
		assertThat(Processes.startTime(Integer.MAX_VALUE)).isEqualTo(-1);
	}

}
