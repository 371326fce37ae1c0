package io.sharedstate.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.snapshot.LostUpdateException;
import io.sharedstate.value.SharedValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The contract of {@link SharedValue}:
 * {@link java.util.concurrent.atomic.AtomicReference} semantics, comparing by
 * {@code equals}, {@code null} allowed, on every engine.
 */
public abstract class SharedValueContract extends ContractSupport {

	/** A record value. */
	record Version(String name, int number) {

	}

	private <V> SharedValue<V> value(V initial) {
		return manager().value(uniqueName(), initial);
	}

	private <V> SharedValue<V> peerValue() {
		return peer().value(uniqueName(), null);
	}

	@Test
	void knowsItsNameAndType() {
		SharedValue<Integer> value = value(0);
		assertThat(value.name()).isEqualTo(uniqueName());
		assertThat(value.type()).isEqualTo(SharedType.VALUE);
	}

	@Test
	void nameOfAnotherTypeIsRefusedNamingBothTypes() {
		value(0);
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().counter(uniqueName()))
			.withMessageContaining("value")
			.withMessageContaining("counter");
	}

	@Test
	void newValueHoldsItsInitialValue() {
		assertThat(value("start").get()).isEqualTo("start");
	}

	@Test
	void initialValueIsUsedOnlyOnCreation() {
		SharedValue<String> value = value("first");
		value.set("changed");
		assertThat(manager().value(uniqueName(), "second").get()).isEqualTo("changed");
		assertThat(peer().value(uniqueName(), "third").get()).isEqualTo("changed");
	}

	@Test
	void nullInitialValueIsAllowed() {
		SharedValue<String> value = value(null);
		assertThat(value.get()).isNull();
		assertThat(manager().value(uniqueName(), "later").get()).isNull();
	}

	@Test
	void setIsReadBackAndSeenByAnotherProcess() {
		SharedValue<Long> value = value(0L);
		value.set(42L);
		assertThat(value.get()).isEqualTo(42L);
		assertThat(this.<Long>peerValue().get()).isEqualTo(42L);
	}

	@Test
	void nullIsAValue() {
		SharedValue<String> value = value("a");
		value.set(null);
		assertThat(value.get()).isNull();
		assertThat(value.getAndSet("b")).isNull();
		assertThat(value.getAndSet(null)).isEqualTo("b");
	}

	@Test
	void getAndSetReturnsThePreviousValue() {
		SharedValue<String> value = value("a");
		assertThat(value.getAndSet("b")).isEqualTo("a");
		assertThat(value.get()).isEqualTo("b");
	}

	@Test
	void compareAndSetSetsOnlyWhenTheCurrentValueEqualsTheExpectedOne() {
		SharedValue<String> value = value("a");
		assertThat(value.compareAndSet("x", "b")).isFalse();
		assertThat(value.get()).isEqualTo("a");
		assertThat(value.compareAndSet(new String("a"), "b")).isTrue();
		assertThat(value.get()).isEqualTo("b");
	}

	@Test
	void compareAndSetComparesRecordsByEquals() {
		SharedValue<Version> value = value(new Version("v", 1));
		assertThat(value.compareAndSet(new Version("v", 1), new Version("v", 2))).isTrue();
		assertThat(value.compareAndSet(new Version("v", 1), new Version("v", 3))).isFalse();
		assertThat(value.get()).isEqualTo(new Version("v", 2));
	}

	@Test
	void compareAndSetHandlesNull() {
		SharedValue<String> value = value(null);
		assertThat(value.compareAndSet("a", "b")).isFalse();
		assertThat(value.compareAndSet(null, "a")).isTrue();
		assertThat(value.compareAndSet(null, "b")).isFalse();
		assertThat(value.compareAndSet("a", null)).isTrue();
		assertThat(value.get()).isNull();
	}

	@Test
	void getAndUpdateReturnsThePreviousValue() {
		SharedValue<Integer> value = value(1);
		assertThat(value.getAndUpdate((v) -> v + 10)).isEqualTo(1);
		assertThat(value.get()).isEqualTo(11);
	}

	@Test
	void updateAndGetReturnsTheNewValue() {
		SharedValue<Integer> value = value(1);
		assertThat(value.updateAndGet((v) -> v * 5)).isEqualTo(5);
		assertThat(this.<Integer>peerValue().get()).isEqualTo(5);
	}

	@Test
	void accumulateAndGetCombinesWithTheGivenValue() {
		SharedValue<String> value = value("a");
		assertThat(value.accumulateAndGet("b", (current, given) -> current + given)).isEqualTo("ab");
		assertThat(value.get()).isEqualTo("ab");
	}

	@Test
	void functionsSeeAndMayProduceNull() {
		SharedValue<String> value = value(null);
		assertThat(value.updateAndGet((v) -> (v == null) ? "was null" : v)).isEqualTo("was null");
		assertThat(value.getAndUpdate((v) -> null)).isEqualTo("was null");
		assertThat(value.get()).isNull();
		assertThat(value.accumulateAndGet(null, (current, given) -> String.valueOf(current) + given))
			.isEqualTo("nullnull");
	}

	@Test
	void functionThatThrowsLeavesTheValueUnchanged() {
		SharedValue<Integer> value = value(1);
		assertThatIllegalStateException().isThrownBy(() -> value.updateAndGet((v) -> {
			throw new IllegalStateException("boom");
		})).withMessageContaining("boom");
		assertThat(value.get()).isEqualTo(1);
	}

	@Test
	void updateAndGetFromFourThreadsIsAtomic() throws Exception {
		SharedValue<Long> value = value(0L);
		inParallel(4, (thread) -> {
			SharedValue<Long> own = (thread % 2 == 0) ? value : peerValue();
			for (int i = 0; i < 250; i++) {
				own.updateAndGet((v) -> v + 1);
			}
		});
		assertThat(value.get()).isEqualTo(1000L);
	}

	@Test
	void getAndUpdateFromFourThreadsIsAtomic() throws Exception {
		SharedValue<Long> value = value(0L);
		List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
		inParallel(4, (thread) -> {
			for (int i = 0; i < 250; i++) {
				seen.add(value.getAndUpdate((v) -> v + 1));
			}
		});
		assertThat(value.get()).isEqualTo(1000L);
		assertThat(seen).doesNotHaveDuplicates().hasSize(1000);
	}

	@Test
	void accumulateAndGetFromFourThreadsIsAtomic() throws Exception {
		SharedValue<Long> value = value(0L);
		inParallel(4, (thread) -> {
			for (int i = 0; i < 250; i++) {
				value.accumulateAndGet(2L, Long::sum);
			}
		});
		assertThat(value.get()).isEqualTo(2000L);
	}

	@Test
	void compareAndSetFromFourThreadsNeverLosesAnUpdate() throws Exception {
		SharedValue<Integer> value = value(0);
		inParallel(4, (thread) -> {
			for (int done = 0; done < 100;) {
				Integer current = value.get();
				if (value.compareAndSet(current, current + 1)) {
					done++;
				}
			}
		});
		assertThat(value.get()).isEqualTo(400);
	}

	@Test
	void asyncCallsDoWhatTheirSynchronousTwinsDo() throws Exception {
		SharedValue<String> value = value("a");
		assertThat(value.getAsync().get(10, TimeUnit.SECONDS)).isEqualTo("a");
		value.setAsync("b").get(10, TimeUnit.SECONDS);
		assertThat(value.get()).isEqualTo("b");
		value.setAsync(null).get(10, TimeUnit.SECONDS);
		assertThat(value.getAsync().get(10, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void plainCollectionValueReadBackRefusesMutationAsALostUpdate() {
		List<Integer> original = new ArrayList<>(List.of(1));
		SharedValue<List<Integer>> value = value(original);
		original.add(2);
		assertThat(value.get()).containsExactly(1);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> value.get().add(3))
			.withMessageContaining("lost");
		value.set(new ArrayList<>(List.of(4)));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> value.get().add(5))
			.withMessageContaining("lost");
		List<Integer> updated = value.updateAndGet((v) -> new ArrayList<>(List.of(6)));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> updated.add(7));
	}

	@Test
	void toStringShowsTheValue() {
		assertThat(value("a").toString()).isEqualTo("a");
	}

}
