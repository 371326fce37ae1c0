package io.sharedstate.lock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.contract.Background;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Condition waits whose lock is held by someone else for longer than the client's call
 * timeout: the wait for the lock is not a call that stopped answering.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class SlowLockHandOverTests {

	private static final Duration CALL_TIMEOUT = Duration.ofMillis(300);

	private static SharedState server;

	private static SharedState client;

	@BeforeAll
	static void start() {
		server = SharedState.serve(ServerOptions.create("slow-hand-over"));
		client = SharedState
			.connect(ClientOptions.create(server.address(), "slow-hand-over").withCallTimeout(CALL_TIMEOUT));
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@Test
	void interruptedConditionWaiterWaitsForTheLockHoweverLongItIsHeld() throws Exception {
		SharedLock lock = client.lock("interrupted");
		SharedCondition condition = client.condition("interrupted.condition", lock);
		CountDownLatch waiting = new CountDownLatch(1);
		Background<Boolean> waiter = Background.start("waiter", () -> {
			lock.lock();
			try {
				waiting.countDown();
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
		assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
		lock.lock();
		condition.signal();
		waiter.interrupt();
		// Holds the lock longer than the waiter's call timeout: the waiter must keep
		// waiting for it.
		Thread.sleep(CALL_TIMEOUT.multipliedBy(3).toMillis());
		lock.unlock();

		assertThat(waiter.get()).as("interrupted, holding the lock again").isTrue();
		assertThat(lock.tryLock(10, TimeUnit.SECONDS)).as("the waiter gave the lock back").isTrue();
		lock.unlock();
	}

	@Test
	void signalledConditionWaiterWaitsForTheLockHoweverLongItIsHeld() throws Exception {
		SharedLock lock = client.lock("signalled");
		SharedCondition condition = client.condition("signalled.condition", lock);
		CountDownLatch waiting = new CountDownLatch(1);
		Background<Boolean> waiter = Background.start("waiter", () -> {
			lock.lock();
			try {
				waiting.countDown();
				return condition.await(20, TimeUnit.SECONDS);
			}
			finally {
				lock.unlock();
			}
		});
		assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
		lock.lock();
		condition.signal();
		Thread.sleep(CALL_TIMEOUT.multipliedBy(3).toMillis());
		lock.unlock();

		assertThat(waiter.get()).isTrue();
		assertThat(lock.tryLock(10, TimeUnit.SECONDS)).isTrue();
		lock.unlock();
	}

}
