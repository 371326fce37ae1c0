package io.sharedstate.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.value.SharedCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedCounter}: {@link java.util.concurrent.atomic.AtomicLong}
 * semantics on every engine.
 */
public abstract class SharedCounterContract extends ContractSupport {

	private SharedCounter counter() {
		return manager().counter(uniqueName());
	}

	private SharedCounter peerCounter() {
		return peer().counter(uniqueName());
	}

	@Test
	void knowsItsNameAndType() {
		SharedCounter counter = counter();
		assertThat(counter.name()).isEqualTo(uniqueName());
		assertThat(counter.type()).isEqualTo(SharedType.COUNTER);
	}

	@Test
	void nameOfAnotherTypeIsRefusedNamingBothTypes() {
		counter();
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().namespace(uniqueName()))
			.withMessageContaining("counter")
			.withMessageContaining("namespace");
	}

	@Test
	void newCounterStartsAtZero() {
		assertThat(counter().get()).isZero();
	}

	@Test
	void sameNameIsTheSameCounter() {
		counter().set(5);
		assertThat(manager().counter(uniqueName()).get()).isEqualTo(5);
		assertThat(peerCounter().get()).isEqualTo(5);
	}

	@Test
	void setIsReadBack() {
		SharedCounter counter = counter();
		counter.set(-7);
		assertThat(counter.get()).isEqualTo(-7);
	}

	@Test
	void incrementAndGetReturnsTheNewCount() {
		SharedCounter counter = counter();
		assertThat(counter.incrementAndGet()).isEqualTo(1);
		assertThat(counter.incrementAndGet()).isEqualTo(2);
		assertThat(counter.get()).isEqualTo(2);
	}

	@Test
	void decrementAndGetReturnsTheNewCount() {
		SharedCounter counter = counter();
		assertThat(counter.decrementAndGet()).isEqualTo(-1);
		assertThat(counter.get()).isEqualTo(-1);
	}

	@Test
	void getAndIncrementReturnsThePreviousCount() {
		SharedCounter counter = counter();
		assertThat(counter.getAndIncrement()).isZero();
		assertThat(counter.getAndIncrement()).isEqualTo(1);
		assertThat(counter.get()).isEqualTo(2);
	}

	@Test
	void getAndDecrementReturnsThePreviousCount() {
		SharedCounter counter = counter();
		assertThat(counter.getAndDecrement()).isZero();
		assertThat(counter.get()).isEqualTo(-1);
	}

	@Test
	void addAndGetReturnsTheNewCount() {
		SharedCounter counter = counter();
		assertThat(counter.addAndGet(10)).isEqualTo(10);
		assertThat(counter.addAndGet(-3)).isEqualTo(7);
		assertThat(counter.addAndGet(0)).isEqualTo(7);
	}

	@Test
	void getAndAddReturnsThePreviousCount() {
		SharedCounter counter = counter();
		assertThat(counter.getAndAdd(10)).isZero();
		assertThat(counter.getAndAdd(-3)).isEqualTo(10);
		assertThat(counter.get()).isEqualTo(7);
	}

	@Test
	void compareAndSetSetsOnlyWhenTheCountMatches() {
		SharedCounter counter = counter();
		assertThat(counter.compareAndSet(1, 5)).isFalse();
		assertThat(counter.get()).isZero();
		assertThat(counter.compareAndSet(0, 5)).isTrue();
		assertThat(counter.get()).isEqualTo(5);
	}

	@Test
	void overflowWrapsAroundLikeAnAtomicLong() {
		SharedCounter counter = counter();
		counter.set(Long.MAX_VALUE);
		assertThat(counter.incrementAndGet()).isEqualTo(Long.MIN_VALUE);
		assertThat(counter.decrementAndGet()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void changesAreSeenByAnotherProcess() {
		counter().addAndGet(3);
		assertThat(peerCounter().get()).isEqualTo(3);
	}

	@Test
	void asyncCallsDoWhatTheirSynchronousTwinsDo() throws Exception {
		SharedCounter counter = counter();
		assertThat(counter.addAndGetAsync(5).get(10, TimeUnit.SECONDS)).isEqualTo(5);
		assertThat(counter.getAsync().get(10, TimeUnit.SECONDS)).isEqualTo(5);
	}

	@Test
	void manyAsyncAddsInFlightAllLand() {
		SharedCounter counter = counter();
		List<CompletableFuture<Long>> futures = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			futures.add(counter.addAndGetAsync(1));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
		assertThat(futures.stream().map(CompletableFuture::join)).doesNotHaveDuplicates();
		assertThat(counter.get()).isEqualTo(500);
	}

	@Test
	void incrementFromFourThreadsIsAtomic() throws Exception {
		SharedCounter counter = counter();
		inParallel(4, (thread) -> {
			SharedCounter own = (thread % 2 == 0) ? counter : peerCounter();
			for (int i = 0; i < 1000; i++) {
				own.incrementAndGet();
			}
		});
		assertThat(counter.get()).isEqualTo(4000);
	}

	@Test
	void getAndAddFromFourThreadsHandsOutDistinctCounts() throws Exception {
		SharedCounter counter = counter();
		List<Long> seen = Collections.synchronizedList(new ArrayList<>());
		inParallel(4, (thread) -> {
			for (int i = 0; i < 250; i++) {
				seen.add(counter.getAndIncrement());
			}
		});
		assertThat(seen).doesNotHaveDuplicates().hasSize(1000).allMatch((n) -> n >= 0 && n < 1000);
		assertThat(counter.get()).isEqualTo(1000);
	}

	@Test
	void compareAndSetFromFourThreadsNeverLosesAnUpdate() throws Exception {
		SharedCounter counter = counter();
		inParallel(4, (thread) -> {
			for (int done = 0; done < 100;) {
				long current = counter.get();
				if (counter.compareAndSet(current, current + 1)) {
					done++;
				}
			}
		});
		assertThat(counter.get()).isEqualTo(400);
	}

	@Test
	void mixedIncrementsAndDecrementsBalanceOut() throws Exception {
		SharedCounter counter = counter();
		inParallel(4, (thread) -> {
			for (int i = 0; i < 250; i++) {
				if (thread % 2 == 0) {
					counter.getAndIncrement();
					counter.addAndGet(2);
				}
				else {
					counter.decrementAndGet();
					counter.getAndAdd(-2);
				}
			}
		});
		assertThat(counter.get()).isZero();
	}

	@Test
	void toStringShowsTheCount() {
		SharedCounter counter = counter();
		counter.set(12);
		assertThat(counter.toString()).isEqualTo("12");
	}

}
