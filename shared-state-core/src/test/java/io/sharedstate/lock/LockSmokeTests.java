package io.sharedstate.lock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.sharedstate.ClientOptions;
import io.sharedstate.ServerOptions;
import io.sharedstate.SharedState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockSmokeTests {

	@Test
	void remoteLockBasics() throws Exception {
		try (SharedState server = SharedState
			.serve(ServerOptions.create("k").withSessionGracePeriod(Duration.ofMillis(300)));
				SharedState a = SharedState.connect(ClientOptions.create(server.address(), "k"));
				SharedState b = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			SharedLock la = a.lock("l");
			SharedLock lb = b.lock("l");
			la.lock();
			assertThat(la.isHeldByCurrentThread()).isTrue();
			assertThat(lb.tryLock()).isFalse();
			long start = System.nanoTime();
			assertThat(lb.tryLock(200, TimeUnit.MILLISECONDS)).isFalse();
			assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));
			assertThatThrownBy(lb::unlock).isInstanceOf(IllegalMonitorStateException.class);
			CountDownLatch acquired = new CountDownLatch(1);
			Thread waiter = new Thread(() -> {
				lb.lock();
				acquired.countDown();
				lb.unlock();
			});
			waiter.start();
			Thread.sleep(100);
			assertThat(acquired.getCount()).isEqualTo(1);
			la.unlock();
			assertThat(acquired.await(5, TimeUnit.SECONDS)).isTrue();
			waiter.join();

			// interrupt cancels the wait and leaks nothing
			la.lock();
			AtomicBoolean interrupted = new AtomicBoolean();
			Thread victim = new Thread(() -> {
				try {
					lb.lockInterruptibly();
				}
				catch (InterruptedException ex) {
					interrupted.set(true);
				}
			});
			victim.start();
			Thread.sleep(100);
			victim.interrupt();
			victim.join(5000);
			assertThat(interrupted).isTrue();
			la.unlock();
			assertThat(lb.tryLock(1, TimeUnit.SECONDS)).isTrue();
			assertThat(lb.holderDied()).isFalse();
			lb.unlock();

			// holder dies
			SharedState c = SharedState.connect(ClientOptions.create(server.address(), "k"));
			c.lock("l").lock();
			assertThat(lb.isLocked()).isTrue();
			c.close();
			assertThat(lb.isLocked()).as("held through the grace period").isTrue();
			assertThat(lb.tryLock(5, TimeUnit.SECONDS)).isTrue();
			assertThat(lb.holderDied()).isTrue();
			lb.unlock();

			SharedLock r = a.rlock("r");
			r.lock();
			r.lock();
			r.unlock();
			assertThat(r.isLocked()).isTrue();
			r.unlock();
			assertThat(r.isLocked()).isFalse();
		}
	}

	@Test
	void inProcessLockBasics() throws Exception {
		try (SharedState manager = SharedState.inProcess()) {
			SharedLock lock = manager.lock("l");
			lock.lock();
			assertThat(lock.tryLock()).as("not reentrant").isFalse();
			assertThat(lock.tryLock(100, TimeUnit.MILLISECONDS)).isFalse();
			lock.unlock();
			assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
		}
	}

}
