package io.sharedstate.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.sharedstate.ClientOptions;
import io.sharedstate.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueBarrierSmokeTests {

	@Test
	void remote() throws Exception {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState a = SharedState.connect(ClientOptions.create(server.address(), "k"));
				SharedState b = SharedState.connect(ClientOptions.create(server.address(), "k"))) {
			exercise(a, b);
		}
	}

	@Test
	void inProcess() throws Exception {
		try (SharedState manager = SharedState.inProcess()) {
			exercise(manager, manager);
		}
	}

	private void exercise(SharedState a, SharedState b) throws Exception {
		SharedQueue<Integer> qa = a.queue("q", 2);
		SharedQueue<Integer> qb = b.queue("q", 2);
		assertThat(qa.offer(1)).isTrue();
		assertThat(qa.offer(2)).isTrue();
		assertThat(qa.offer(3)).isFalse();
		assertThat(qa.offer(3, 50, TimeUnit.MILLISECONDS)).isFalse();
		CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
			try {
				qa.put(3);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		assertThat(producer).isNotDone();
		assertThat(qb.take()).isEqualTo(1);
		producer.get(5, TimeUnit.SECONDS);
		assertThat(qb.poll()).isEqualTo(2);
		assertThat(qb.poll(1, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(qb.poll(50, TimeUnit.MILLISECONDS)).isNull();
		qa.addAll(List.of(7, 8));
		List<Integer> drained = new ArrayList<>();
		assertThat(qb.drainTo(drained)).isEqualTo(2);
		assertThat(drained).containsExactly(7, 8);

		SharedJoinableQueue<String> jq = a.joinableQueue("jq", 0);
		jq.put("x");
		jq.put("y");
		assertThat(jq.join(50, TimeUnit.MILLISECONDS)).isFalse();
		SharedJoinableQueue<String> jqb = b.joinableQueue("jq", 0);
		jqb.take();
		jqb.taskDone();
		jqb.take();
		jqb.taskDone();
		assertThat(jq.join(1, TimeUnit.SECONDS)).isTrue();
		assertThatThrownBy(jq::taskDone).isInstanceOf(IllegalStateException.class);

		AtomicInteger actions = new AtomicInteger();
		SharedBarrier barrierA = a.barrier("b", 2, actions::incrementAndGet);
		SharedBarrier barrierB = b.barrier("b", 2);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
			try {
				return barrierB.await(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(100);
		assertThat(barrierA.await(5, TimeUnit.SECONDS)).isEqualTo(0);
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(actions).hasValue(1);
		assertThatThrownBy(() -> barrierA.await(100, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
		assertThat(barrierB.isBroken()).isTrue();
		assertThatThrownBy(barrierB::await).isInstanceOf(BrokenBarrierException.class);
		barrierA.reset();
		assertThat(barrierB.isBroken()).isFalse();
		assertThatThrownBy(() -> a.barrier("b", 3)).isInstanceOf(IllegalArgumentException.class);
	}

}
