package io.sharedstate.lock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.sharedstate.ClientOptions;
import io.sharedstate.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.value.SharedCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrimitiveSmokeTests {

	@Test
	void conditionSemaphoreEventRemote() throws Exception {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState a = SharedState.connect(ClientOptions.create(server.address(), "k"));
				SharedState b = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			exercise(a, b);
		}
	}

	@Test
	void conditionSemaphoreEventInProcess() throws Exception {
		try (SharedState manager = SharedState.inProcess()) {
			exercise(manager, manager);
		}
	}

	private void exercise(SharedState a, SharedState b) throws Exception {
		SharedLock lockA = a.rlock("m");
		SharedCondition conditionA = a.condition("c", lockA);
		SharedLock lockB = b.rlock("m");
		SharedCondition conditionB = b.condition("c", lockB);
		SharedCounter ready = a.counter("ready");

		CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
			lockB.lock();
			lockB.lock();
			try {
				return conditionB.waitFor(() -> b.counter("ready").get() > 0, 5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				lockB.unlock();
				assertThat(lockB.isHeldByCurrentThread()).isTrue();
				lockB.unlock();
			}
		});
		Thread.sleep(200);
		lockA.lock();
		ready.incrementAndGet();
		conditionA.signalAll();
		lockA.unlock();
		assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();

		lockA.lock();
		long start = System.nanoTime();
		assertThat(conditionA.await(100, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(90));
		assertThat(lockA.isHeldByCurrentThread()).isTrue();
		lockA.unlock();
		assertThatThrownBy(conditionA::signal).isInstanceOf(IllegalMonitorStateException.class);
		assertThatThrownBy(() -> a.condition("c", a.rlock("other"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("other");

		SharedSemaphore s = a.semaphore("s", 2);
		SharedSemaphore sb = b.semaphore("s", 99);
		assertThat(sb.availablePermits()).isEqualTo(2);
		s.acquire(2);
		assertThat(sb.tryAcquire()).isFalse();
		CompletableFuture<Boolean> acquired = CompletableFuture.supplyAsync(() -> {
			try {
				return sb.tryAcquire(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		s.release();
		assertThat(acquired.get(5, TimeUnit.SECONDS)).isTrue();
		SharedSemaphore bounded = a.boundedSemaphore("bs", 1);
		assertThatThrownBy(bounded::release).isInstanceOf(IllegalStateException.class);

		SharedEvent event = a.event("e");
		SharedEvent eventB = b.event("e");
		assertThat(eventB.await(50, TimeUnit.MILLISECONDS)).isFalse();
		CompletableFuture<Boolean> eventWaiter = CompletableFuture.supplyAsync(() -> {
			try {
				return eventB.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		event.set();
		assertThat(eventWaiter.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(eventB.isSet()).isTrue();
	}

}
