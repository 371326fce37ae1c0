package io.sharedstate.contract;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;
import io.sharedstate.snapshot.LostUpdateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The contract of {@link SharedDict}: {@link java.util.concurrent.ConcurrentMap}
 * semantics on every engine, plus what sharing adds (snapshots, live shared objects,
 * atomic functions, async calls).
 */
public abstract class SharedDictContract extends ContractSupport {

	/** A record value. */
	record Order(String id, int quantity) {

	}

	/** An enum value. */
	enum Status {

		OPEN, SHIPPED

	}

	/**
	 * A map class of the caller's own whose constructor sets its state, like most maps
	 * outside the JDK.
	 */
	static final class Pairs<K, V> extends AbstractMap<K, V> {

		private final Map<K, V> entries;

		Pairs(Map<K, V> entries) {
			this.entries = new LinkedHashMap<>(entries);
		}

		@Override
		public Set<Entry<K, V>> entrySet() {
			return Collections.unmodifiableMap(this.entries).entrySet();
		}

	}

	private <K, V> SharedDict<K, V> dict() {
		return manager().dict(uniqueName());
	}

	private <K, V> SharedDict<K, V> peerDict() {
		return peer().dict(uniqueName());
	}

	private static Map<String, Long> abc() {
		Map<String, Long> entries = new HashMap<>();
		entries.put("a", 1L);
		entries.put("b", 2L);
		entries.put("c", 3L);
		return entries;
	}

	private SharedDict<String, Long> dictOfAbc() {
		SharedDict<String, Long> dict = dict();
		dict.putAll(abc());
		return dict;
	}

	// identity

	@Test
	void knowsItsNameAndType() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.name()).isEqualTo(uniqueName());
		assertThat(dict.type()).isEqualTo(SharedType.DICT);
	}

	@Test
	void sameNameIsTheSameDict() {
		SharedDict<String, Long> dict = dict();
		dict.put("a", 1L);
		assertThat(manager().<String, Long>dict(uniqueName()).get("a")).isEqualTo(1L);
		assertThat(this.<String, Long>peerDict().get("a")).isEqualTo(1L);
	}

	@Test
	void newDictIsEmpty() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.size()).isZero();
		assertThat(dict.isEmpty()).isTrue();
		assertThat(dict.get("a")).isNull();
	}

	@Test
	void nameOfAnotherTypeIsRefusedNamingBothTypes() {
		dict();
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().list(uniqueName()))
			.withMessageContaining("dict")
			.withMessageContaining("list");
	}

	// basic map operations

	@Test
	void putStoresAndReturnsThePreviousValue() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.put("a", 1L)).isNull();
		assertThat(dict.put("a", 2L)).isEqualTo(1L);
		assertThat(dict.get("a")).isEqualTo(2L);
		assertThat(dict.size()).isEqualTo(1);
	}

	@Test
	void putIsSeenByAnotherProcess() {
		dict().put("a", 1L);
		SharedDict<String, Long> seen = peerDict();
		assertThat(seen.get("a")).isEqualTo(1L);
		assertThat(seen.containsKey("a")).isTrue();
	}

	@Test
	void removeReturnsTheRemovedValue() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.remove("a")).isEqualTo(1L);
		assertThat(dict.remove("a")).isNull();
		assertThat(dict.containsKey("a")).isFalse();
		assertThat(dict.size()).isEqualTo(2);
	}

	@Test
	void containsKeyAndContainsValueFollowTheContents() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.containsKey("a")).isTrue();
		assertThat(dict.containsKey("z")).isFalse();
		assertThat(dict.containsValue(2L)).isTrue();
		assertThat(dict.containsValue(9L)).isFalse();
		dict.remove("b");
		assertThat(dict.containsValue(2L)).isFalse();
	}

	@Test
	void sizeAndIsEmptyFollowTheContents() {
		SharedDict<String, Long> dict = dict();
		dict.put("a", 1L);
		dict.put("b", 2L);
		assertThat(dict.size()).isEqualTo(2);
		assertThat(dict.isEmpty()).isFalse();
		dict.remove("a");
		dict.remove("b");
		assertThat(dict.size()).isZero();
		assertThat(dict.isEmpty()).isTrue();
	}

	@Test
	void clearRemovesEveryEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		dict.clear();
		assertThat(dict.isEmpty()).isTrue();
		assertThat(this.<String, Long>peerDict().size()).isZero();
	}

	@Test
	void putAllCopiesEveryEntryAndKeepsOthers() {
		SharedDict<String, Long> dict = dict();
		dict.put("a", 0L);
		dict.put("z", 26L);
		dict.putAll(abc());
		assertThat(dict).containsOnly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L), Map.entry("z", 26L));
	}

	@Test
	void putAllTakesAnyMapClass() {
		SharedDict<String, Long> dict = dict();
		dict.putAll(new Pairs<>(abc()));
		dict.putAll(new Pairs<>(Map.of()));
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void putAllOfAnEmptyMapChangesNothing() {
		SharedDict<String, Long> dict = dictOfAbc();
		dict.putAll(Map.of());
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void getOrDefaultReturnsTheDefaultOnlyWhenAbsent() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.getOrDefault("a", 9L)).isEqualTo(1L);
		assertThat(dict.getOrDefault("z", 9L)).isEqualTo(9L);
		assertThat(dict.containsKey("z")).isFalse();
	}

	@Test
	void forEachVisitsEveryEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		Map<String, Long> seen = new HashMap<>();
		dict.forEach(seen::put);
		assertThat(seen).isEqualTo(abc());
	}

	// nulls

	@Test
	void nullKeysAreRefused() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatNullPointerException().isThrownBy(() -> dict.put(null, 1L));
		assertThatNullPointerException().isThrownBy(() -> dict.get(null));
		assertThatNullPointerException().isThrownBy(() -> dict.containsKey(null));
		assertThatNullPointerException().isThrownBy(() -> dict.remove(null));
		assertThatNullPointerException().isThrownBy(() -> dict.getOrDefault(null, 1L));
		assertThatNullPointerException().isThrownBy(() -> dict.putIfAbsent(null, 1L));
		assertThatNullPointerException().isThrownBy(() -> dict.replace(null, 1L));
		assertThatNullPointerException().isThrownBy(() -> dict.replace(null, 1L, 2L));
		assertThatNullPointerException().isThrownBy(() -> dict.merge(null, 1L, Long::sum));
		assertThatNullPointerException().isThrownBy(() -> dict.compute(null, (k, v) -> 1L));
		assertThatNullPointerException().isThrownBy(() -> dict.computeIfAbsent(null, (k) -> 1L));
		assertThatNullPointerException().isThrownBy(() -> dict.computeIfPresent(null, (k, v) -> 1L));
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void nullValuesAreRefused() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatNullPointerException().isThrownBy(() -> dict.put("a", null));
		assertThatNullPointerException().isThrownBy(() -> dict.put("z", null));
		assertThatNullPointerException().isThrownBy(() -> dict.containsValue(null));
		assertThatNullPointerException().isThrownBy(() -> dict.putIfAbsent("z", null));
		assertThatNullPointerException().isThrownBy(() -> dict.replace("a", null));
		assertThatNullPointerException().isThrownBy(() -> dict.replace("a", 1L, null));
		assertThatNullPointerException().isThrownBy(() -> dict.replace("a", null, 2L));
		assertThatNullPointerException().isThrownBy(() -> dict.merge("a", null, Long::sum));
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void putAllWithANullKeyOrValueIsRefused() {
		SharedDict<String, Long> dict = dict();
		Map<String, Long> nullValue = new HashMap<>();
		nullValue.put("a", null);
		Map<String, Long> nullKey = new HashMap<>();
		nullKey.put(null, 1L);
		assertThatNullPointerException().isThrownBy(() -> dict.putAll(nullValue));
		assertThatNullPointerException().isThrownBy(() -> dict.putAll(nullKey));
		assertThat(dict).isEmpty();
	}

	@Test
	void removeOfAnEntryRefusesANullKeyAndDoesNotMatchANullValue() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatNullPointerException().isThrownBy(() -> dict.remove(null, 1L));
		assertThat(dict.remove("a", null)).isFalse();
		assertThat(dict).isEqualTo(abc());
	}

	// ConcurrentMap operations

	@Test
	void putIfAbsentStoresOnlyWhenAbsent() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.putIfAbsent("a", 1L)).isNull();
		assertThat(dict.putIfAbsent("a", 2L)).isEqualTo(1L);
		assertThat(dict.get("a")).isEqualTo(1L);
	}

	@Test
	void removeOfAnEntryRemovesOnlyWhenTheValueMatches() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.remove("a", 2L)).isFalse();
		assertThat(dict.get("a")).isEqualTo(1L);
		assertThat(dict.remove("a", 1L)).isTrue();
		assertThat(dict.containsKey("a")).isFalse();
		assertThat(dict.remove("z", 1L)).isFalse();
	}

	@Test
	void replaceReplacesOnlyAPresentKey() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.replace("a", 10L)).isEqualTo(1L);
		assertThat(dict.get("a")).isEqualTo(10L);
		assertThat(dict.replace("z", 26L)).isNull();
		assertThat(dict.containsKey("z")).isFalse();
	}

	@Test
	void replaceOfAnEntryReplacesOnlyWhenTheValueMatches() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.replace("a", 2L, 20L)).isFalse();
		assertThat(dict.get("a")).isEqualTo(1L);
		assertThat(dict.replace("a", 1L, 10L)).isTrue();
		assertThat(dict.get("a")).isEqualTo(10L);
		assertThat(dict.replace("z", 1L, 10L)).isFalse();
		assertThat(dict.containsKey("z")).isFalse();
	}

	@Test
	void computeStoresAndReturnsTheResult() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.compute("a", (k, v) -> v + 10)).isEqualTo(11L);
		assertThat(dict.get("a")).isEqualTo(11L);
	}

	@Test
	void computeSeesNullForAnAbsentKey() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.compute("a", (k, v) -> (v == null) ? (long) k.length() : -1L)).isEqualTo(1L);
		assertThat(dict.get("a")).isEqualTo(1L);
	}

	@Test
	void computeReturningNullRemovesTheEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.compute("a", (k, v) -> null)).isNull();
		assertThat(dict.containsKey("a")).isFalse();
		assertThat(dict.compute("z", (k, v) -> null)).isNull();
		assertThat(dict.containsKey("z")).isFalse();
	}

	@Test
	void computeIfAbsentComputesOnlyWhenAbsent() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.computeIfAbsent("a", (k) -> 100L)).isEqualTo(1L);
		assertThat(dict.computeIfAbsent("zz", (k) -> (long) k.length())).isEqualTo(2L);
		assertThat(dict.get("a")).isEqualTo(1L);
		assertThat(dict.get("zz")).isEqualTo(2L);
	}

	@Test
	void computeIfAbsentReturningNullStoresNothing() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.computeIfAbsent("a", (k) -> null)).isNull();
		assertThat(dict.containsKey("a")).isFalse();
	}

	@Test
	void computeIfPresentComputesOnlyWhenPresent() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.computeIfPresent("a", (k, v) -> v * 10)).isEqualTo(10L);
		assertThat(dict.computeIfPresent("z", (k, v) -> 26L)).isNull();
		assertThat(dict.get("a")).isEqualTo(10L);
		assertThat(dict.containsKey("z")).isFalse();
	}

	@Test
	void computeIfPresentReturningNullRemovesTheEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.computeIfPresent("a", (k, v) -> null)).isNull();
		assertThat(dict.containsKey("a")).isFalse();
	}

	@Test
	void mergeStoresTheGivenValueWhenAbsent() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.merge("a", 5L, Long::sum)).isEqualTo(5L);
		assertThat(dict.get("a")).isEqualTo(5L);
	}

	@Test
	void mergeCombinesWithThePresentValue() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.merge("a", 5L, Long::sum)).isEqualTo(6L);
		assertThat(dict.get("a")).isEqualTo(6L);
	}

	@Test
	void mergeReturningNullRemovesTheEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.merge("a", 5L, (old, given) -> null)).isNull();
		assertThat(dict.containsKey("a")).isFalse();
	}

	@Test
	void nullFunctionsAreRefusedEvenWhenTheyWouldNotBeCalled() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatNullPointerException().isThrownBy(() -> dict.computeIfAbsent("a", null));
		assertThatNullPointerException().isThrownBy(() -> dict.computeIfPresent("z", null));
		assertThatNullPointerException().isThrownBy(() -> dict.merge("z", 1L, null));
		assertThatNullPointerException().isThrownBy(() -> dict.compute("a", null));
		assertThatNullPointerException().isThrownBy(() -> this.<String, Long>peerDict().putAll(null));
		dict.clear();
		assertThatNullPointerException().isThrownBy(() -> dict.replaceAll(null));
		assertThat(dict).isEmpty();
	}

	@Test
	void functionThatThrowsLeavesTheDictUnchanged() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatIllegalStateException().isThrownBy(() -> dict.compute("a", (k, v) -> {
			throw new IllegalStateException("boom");
		})).withMessageContaining("boom");
		assertThatIllegalStateException().isThrownBy(() -> dict.merge("b", 1L, (old, given) -> {
			throw new IllegalStateException("boom");
		}));
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void functionsSeeTheKeyAndValues() {
		SharedDict<String, String> dict = dict();
		dict.put("a", "x");
		assertThat(dict.compute("a", (k, v) -> k + v)).isEqualTo("ax");
		assertThat(dict.computeIfPresent("a", (k, v) -> v + k)).isEqualTo("axa");
		assertThat(dict.merge("a", "!", (old, given) -> old + given)).isEqualTo("axa!");
		assertThat(dict.computeIfAbsent("b", (k) -> k + k)).isEqualTo("bb");
	}

	@Test
	void replaceAllReplacesEveryValue() {
		SharedDict<String, Long> dict = dictOfAbc();
		dict.replaceAll((k, v) -> v * 10 + k.length());
		assertThat(dict).containsOnly(Map.entry("a", 11L), Map.entry("b", 21L), Map.entry("c", 31L));
	}

	@Test
	void replaceAllReturningNullIsRefused() {
		SharedDict<String, Long> dict = dict();
		dict.put("a", 1L);
		assertThatNullPointerException().isThrownBy(() -> dict.replaceAll((k, v) -> null));
		assertThat(dict.get("a")).isEqualTo(1L);
	}

	// keySet view

	@Test
	void keySetReflectsTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		Set<String> keys = dict.keySet();
		assertThat(keys).hasSize(3).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(keys.contains("a")).isTrue();
		assertThat(keys.contains("z")).isFalse();
		dict.put("z", 26L);
		assertThat(keys.size()).isEqualTo(4);
		assertThat(keys.contains("z")).isTrue();
		assertThat(keys).isEqualTo(Set.of("a", "b", "c", "z"));
	}

	@Test
	void keySetRemoveRemovesTheEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.keySet().remove("a")).isTrue();
		assertThat(dict.keySet().remove("z")).isFalse();
		assertThat(this.<String, Long>peerDict().containsKey("a")).isFalse();
		assertThat(dict.size()).isEqualTo(2);
	}

	@Test
	void keySetIteratorRemoveReachesTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		Iterator<String> keys = dict.keySet().iterator();
		String removed = keys.next();
		keys.remove();
		assertThat(this.<String, Long>peerDict().containsKey(removed)).isFalse();
		assertThat(dict.size()).isEqualTo(2);
		assertThatIllegalStateException().isThrownBy(keys::remove);
	}

	@Test
	void keySetIteratorRemoveBeforeNextIsIllegal() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatIllegalStateException().isThrownBy(() -> dict.keySet().iterator().remove());
		assertThat(dict.size()).isEqualTo(3);
	}

	@Test
	void keySetBulkRemovalsReachTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.keySet().removeAll(List.of("a", "z"))).isTrue();
		assertThat(dict.keySet().retainAll(List.of("b"))).isTrue();
		assertThat(dict).containsOnlyKeys("b");
		assertThat(dict.keySet().removeIf("b"::equals)).isTrue();
		assertThat(dict).isEmpty();
	}

	@Test
	void keySetRefusesAdd() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> dict.keySet().add("z"));
		assertThat(dict.containsKey("z")).isFalse();
	}

	// values view

	@Test
	void valuesReflectTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.values()).hasSize(3).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(dict.values().contains(2L)).isTrue();
		assertThat(dict.values().contains(9L)).isFalse();
		dict.put("z", 26L);
		assertThat(dict.values().size()).isEqualTo(4);
	}

	@Test
	void valuesRemoveRemovesOneEntryWithThatValue() {
		SharedDict<String, Long> dict = dictOfAbc();
		dict.put("also-one", 1L);
		assertThat(dict.values().remove(1L)).isTrue();
		assertThat(dict.size()).isEqualTo(3);
		assertThat(dict.values()).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(dict.values().remove(9L)).isFalse();
	}

	@Test
	void valuesIteratorRemoveReachesTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		Iterator<Long> values = dict.values().iterator();
		while (values.hasNext()) {
			if (values.next() == 2L) {
				values.remove();
			}
		}
		assertThat(this.<String, Long>peerDict()).containsOnlyKeys("a", "c");
	}

	@Test
	void valuesRemoveIfReachesTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.values().removeIf((v) -> v > 1)).isTrue();
		assertThat(dict).containsOnly(Map.entry("a", 1L));
	}

	@Test
	void valuesRefuseAdd() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> dict.values().add(4L));
	}

	// entrySet view

	@Test
	void entrySetReflectsTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		Set<Map.Entry<String, Long>> entries = dict.entrySet();
		assertThat(entries).hasSize(3).containsExactlyInAnyOrderElementsOf(abc().entrySet());
		assertThat(entries.contains(Map.entry("a", 1L))).isTrue();
		assertThat(entries.contains(Map.entry("a", 2L))).isFalse();
		assertThat(entries.contains(Map.entry("z", 1L))).isFalse();
		assertThat(entries.contains("a")).isFalse();
		assertThat(entries).isEqualTo(abc().entrySet());
		dict.remove("a");
		assertThat(entries.size()).isEqualTo(2);
	}

	@Test
	void entrySetRemoveRemovesOnlyAMatchingEntry() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThat(dict.entrySet().remove(Map.entry("a", 2L))).isFalse();
		assertThat(dict.entrySet().remove(new AbstractMap.SimpleEntry<>(null, 1L))).isFalse();
		assertThat(dict.entrySet().remove(new AbstractMap.SimpleEntry<>("a", null))).isFalse();
		assertThat(dict.entrySet().remove("a")).isFalse();
		assertThat(dict.entrySet().remove(Map.entry("a", 1L))).isTrue();
		assertThat(dict).containsOnlyKeys("b", "c");
	}

	@Test
	void entrySetIteratorRemoveReachesTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		Iterator<Map.Entry<String, Long>> entries = dict.entrySet().iterator();
		while (entries.hasNext()) {
			if (entries.next().getKey().equals("b")) {
				entries.remove();
			}
		}
		assertThat(this.<String, Long>peerDict()).containsOnlyKeys("a", "c");
	}

	@Test
	void entrySetValueWritesThrough() {
		SharedDict<String, Long> dict = dictOfAbc();
		for (Map.Entry<String, Long> entry : dict.entrySet()) {
			assertThat(entry.setValue(entry.getValue() * 100)).isEqualTo(abc().get(entry.getKey()));
			assertThat(entry.getValue()).isEqualTo(abc().get(entry.getKey()) * 100);
		}
		assertThat(this.<String, Long>peerDict()).containsOnly(Map.entry("a", 100L), Map.entry("b", 200L),
				Map.entry("c", 300L));
	}

	@Test
	void entrySetValueRefusesNull() {
		SharedDict<String, Long> dict = dictOfAbc();
		Map.Entry<String, Long> entry = dict.entrySet().iterator().next();
		assertThatNullPointerException().isThrownBy(() -> entry.setValue(null));
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void entriesEqualPlainEntries() {
		SharedDict<String, Long> dict = dict();
		dict.put("a", 1L);
		Map.Entry<String, Long> entry = dict.entrySet().iterator().next();
		assertThat(entry).isEqualTo(Map.entry("a", 1L));
		assertThat(entry.hashCode()).isEqualTo(Map.entry("a", 1L).hashCode());
	}

	@Test
	void entrySetRefusesAdd() {
		SharedDict<String, Long> dict = dictOfAbc();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> dict.entrySet().add(Map.entry("z", 26L)));
	}

	@Test
	void clearingAViewClearsTheDict() {
		SharedDict<String, Long> dict = dictOfAbc();
		dict.keySet().clear();
		assertThat(dict).isEmpty();
		dict.putAll(abc());
		dict.values().clear();
		assertThat(dict).isEmpty();
		dict.putAll(abc());
		dict.entrySet().clear();
		assertThat(dict).isEmpty();
	}

	@Test
	void iteratorsNeverFailOnConcurrentChanges() {
		SharedDict<String, Long> dict = dictOfAbc();
		Iterator<String> keys = dict.keySet().iterator();
		Iterator<Long> values = dict.values().iterator();
		Iterator<Map.Entry<String, Long>> entries = dict.entrySet().iterator();
		keys.next();
		values.next();
		entries.next();
		this.<String, Long>peerDict().put("z", 26L);
		keys.forEachRemaining((key) -> {
		});
		values.forEachRemaining((value) -> {
		});
		entries.forEachRemaining((entry) -> {
		});
	}

	// equality

	@Test
	void equalsAndHashCodeMatchAHashMap() {
		SharedDict<String, Long> dict = dictOfAbc();
		Map<String, Long> plain = abc();
		assertThat(dict.equals(plain)).isTrue();
		assertThat(plain.equals(dict)).isTrue();
		assertThat(dict.hashCode()).isEqualTo(plain.hashCode());
		assertThat(dict.equals(dict)).isTrue();
		plain.put("a", 9L);
		assertThat(dict.equals(plain)).isFalse();
		assertThat(plain.equals(dict)).isFalse();
		assertThat(dict.equals(Map.of())).isFalse();
		assertThat(dict.equals(List.of())).isFalse();
	}

	@Test
	void emptyDictEqualsAnEmptyMap() {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.equals(Map.of())).isTrue();
		assertThat(new HashMap<>().equals(dict)).isTrue();
		assertThat(dict.hashCode()).isZero();
	}

	@Test
	void toStringShowsTheEntries() {
		SharedDict<String, Long> dict = dict();
		dict.put("a", 1L);
		assertThat(dict.toString()).isEqualTo("{a=1}");
	}

	// snapshot

	@Test
	void snapshotIsAnUnmodifiableCopy() {
		SharedDict<String, Long> dict = dictOfAbc();
		Map<String, Long> snapshot = dict.snapshot();
		assertThat(snapshot).isEqualTo(abc());
		dict.put("z", 26L);
		dict.remove("a");
		assertThat(snapshot).isEqualTo(abc());
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> snapshot.put("y", 25L))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> snapshot.remove("b"));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(snapshot::clear);
	}

	@Test
	void snapshotOfAnEmptyDictIsEmpty() {
		assertThat(dict().snapshot()).isEmpty();
	}

	// values are copies

	@Test
	void plainListValueReadBackRefusesMutationAsALostUpdate() {
		SharedDict<String, Object> dict = dict();
		List<Integer> original = new ArrayList<>(List.of(1, 2));
		dict.put("xs", original);
		original.add(3);
		@SuppressWarnings("unchecked")
		List<Integer> read = (List<Integer>) dict.get("xs");
		assertThat(read).containsExactly(1, 2);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.add(4))
			.isInstanceOf(UnsupportedOperationException.class)
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.set(0, 4))
			.withMessageContaining("lost");
		assertThat(dict.get("xs")).isEqualTo(List.of(1, 2));
	}

	@Test
	void plainMapValueReadBackRefusesMutationAsALostUpdate() {
		SharedDict<String, Object> dict = dict();
		dict.put("m", new HashMap<>(Map.of("k", 1)));
		@SuppressWarnings("unchecked")
		Map<String, Integer> read = (Map<String, Integer>) dict.get("m");
		assertThat(read).isEqualTo(Map.of("k", 1));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.put("j", 2))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.merge("k", 1, Integer::sum))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class)
			.isThrownBy(() -> read.entrySet().iterator().next().setValue(2))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.keySet().remove("k"))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.values().clear())
			.withMessageContaining("lost");
	}

	@Test
	void plainSetValueReadBackRefusesMutationAsALostUpdate() {
		SharedDict<String, Object> dict = dict();
		dict.put("s", new HashSet<>(Set.of("x")));
		@SuppressWarnings("unchecked")
		Set<String> read = (Set<String>) dict.get("s");
		assertThat(read).containsExactly("x");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.add("y"))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> {
			Iterator<String> iterator = read.iterator();
			iterator.next();
			iterator.remove();
		}).withMessageContaining("lost");
	}

	@Test
	void nestedPlainCollectionsReadBackAreFrozenToo() {
		SharedDict<String, Object> dict = dict();
		Map<String, List<Integer>> nested = new LinkedHashMap<>();
		nested.put("xs", new ArrayList<>(List.of(1)));
		dict.put("nested", List.of(nested));
		@SuppressWarnings("unchecked")
		List<Map<String, List<Integer>>> read = (List<Map<String, List<Integer>>>) dict.get("nested");
		assertThat(read).isEqualTo(List.of(Map.of("xs", List.of(1))));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.get(0).get("xs").add(2))
			.withMessageContaining("lost");
	}

	@Test
	void valuesReturnedByOperationsAreSnapshotsToo() {
		SharedDict<String, Object> dict = dict();
		dict.put("xs", new ArrayList<>(List.of(1)));
		Object previous = dict.put("xs", new ArrayList<>(List.of(2)));
		assertThat(previous).isEqualTo(List.of(1));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> ((List<Object>) previous).add(3));
		Object computed = dict.compute("xs", (k, v) -> new ArrayList<>(List.of(3)));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> ((List<Object>) computed).add(4));
		assertThatExceptionOfType(LostUpdateException.class)
			.isThrownBy(() -> ((List<Object>) dict.snapshot().get("xs")).add(4));
	}

	@Test
	void collectionValueOfTheCallersOwnClassIsStoredAsASnapshot() {
		SharedDict<String, Object> dict = dict();
		dict.put("bag", new SharedListContract.Bag<>("a", "b"));
		dict.put("pairs", new Pairs<>(Map.of("k", 1)));
		assertThat(dict.get("bag")).isEqualTo(List.of("a", "b"));
		assertThat(dict.get("pairs")).isEqualTo(Map.of("k", 1));
		assertThatExceptionOfType(LostUpdateException.class)
			.isThrownBy(() -> ((List<Object>) dict.get("bag")).add("c"));
	}

	@Test
	void plainListKeyFindsItsEntry() {
		SharedDict<List<String>, Long> dict = dict();
		dict.put(new ArrayList<>(List.of("a", "b")), 1L);
		assertThat(dict.get(List.of("a", "b"))).isEqualTo(1L);
		assertThat(dict.containsKey(new ArrayList<>(List.of("a", "b")))).isTrue();
	}

	@Test
	void arrayValueIsCopiedWhenStored() {
		SharedDict<String, byte[]> dict = dict();
		byte[] bytes = { 1, 2, 3 };
		dict.put("bytes", bytes);
		bytes[0] = 9;
		assertThat(dict.get("bytes")).containsExactly(1, 2, 3);
	}

	@Test
	void sharedListStoredInADictIsReadBackLive() {
		SharedDict<String, Object> dict = dict();
		SharedList<String> list = manager().list(uniqueName() + ".items");
		dict.put("items", list);
		@SuppressWarnings("unchecked")
		SharedList<String> read = (SharedList<String>) this.<String, Object>peerDict().get("items");
		assertThat(read.name()).isEqualTo(list.name());
		read.add("x");
		assertThat(list).containsExactly("x");
		list.add("y");
		assertThat(read).containsExactly("x", "y");
	}

	@Test
	void sharedDictStoredInADictIsReadBackLive() {
		SharedDict<String, Object> dict = dict();
		SharedDict<String, Long> inner = manager().dict(uniqueName() + ".inner");
		dict.put("inner", inner);
		@SuppressWarnings("unchecked")
		SharedDict<String, Long> read = (SharedDict<String, Long>) dict.get("inner");
		read.merge("n", 1L, Long::sum);
		assertThat(inner.get("n")).isEqualTo(1L);
	}

	@Test
	void recordsAndEnumsAreValues() {
		SharedDict<String, Object> dict = dict();
		dict.put("order", new Order("x", 3));
		dict.put("status", Status.SHIPPED);
		assertThat(this.<String, Object>peerDict().get("order")).isEqualTo(new Order("x", 3));
		assertThat(this.<String, Object>peerDict().get("status")).isEqualTo(Status.SHIPPED);
		assertThat(dict.replace("order", new Order("x", 3), new Order("x", 4))).isTrue();
		assertThat(dict.containsValue(new Order("x", 4))).isTrue();
		assertThat(dict.remove("status", Status.SHIPPED)).isTrue();
	}

	@Test
	void recordsAndEnumsAreKeys() {
		SharedDict<Object, String> dict = dict();
		dict.put(new Order("x", 1), "order");
		dict.put(Status.OPEN, "status");
		assertThat(dict.get(new Order("x", 1))).isEqualTo("order");
		assertThat(dict.get(Status.OPEN)).isEqualTo("status");
		assertThat(dict.keySet()).containsExactlyInAnyOrder(new Order("x", 1), Status.OPEN);
	}

	@Test
	void valuesOfMixedTypesKeepTheirTypes() {
		SharedDict<String, Object> dict = dict();
		dict.put("int", 1);
		dict.put("long", 1L);
		dict.put("double", 1.5);
		dict.put("boolean", true);
		dict.put("string", "s");
		dict.put("bytes", new byte[] { 1 });
		assertThat(dict.get("int")).isEqualTo(1);
		assertThat(dict.get("long")).isEqualTo(1L);
		assertThat(dict.get("double")).isEqualTo(1.5);
		assertThat(dict.get("boolean")).isEqualTo(true);
		assertThat(dict.get("string")).isEqualTo("s");
		assertThat((byte[]) dict.get("bytes")).containsExactly(1);
	}

	// async

	@Test
	void asyncCallsDoWhatTheirSynchronousTwinsDo() throws Exception {
		SharedDict<String, Long> dict = dict();
		assertThat(dict.putAsync("a", 1L).get(10, TimeUnit.SECONDS)).isNull();
		assertThat(dict.putAsync("a", 2L).get(10, TimeUnit.SECONDS)).isEqualTo(1L);
		assertThat(dict.getAsync("a").get(10, TimeUnit.SECONDS)).isEqualTo(2L);
		assertThat(dict.getAsync("z").get(10, TimeUnit.SECONDS)).isNull();
		assertThat(dict.putIfAbsentAsync("a", 3L).get(10, TimeUnit.SECONDS)).isEqualTo(2L);
		assertThat(dict.putIfAbsentAsync("b", 3L).get(10, TimeUnit.SECONDS)).isNull();
		assertThat(dict.containsKeyAsync("b").get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(dict.containsKeyAsync("z").get(10, TimeUnit.SECONDS)).isFalse();
		assertThat(dict.sizeAsync().get(10, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(dict.mergeAsync("a", 10L, Long::sum).get(10, TimeUnit.SECONDS)).isEqualTo(12L);
		assertThat(dict.computeAsync("b", (k, v) -> v * 2).get(10, TimeUnit.SECONDS)).isEqualTo(6L);
		assertThat(dict.computeAsync("b", (k, v) -> null).get(10, TimeUnit.SECONDS)).isNull();
		assertThat(dict.removeAsync("a").get(10, TimeUnit.SECONDS)).isEqualTo(12L);
		assertThat(dict.removeAsync("a").get(10, TimeUnit.SECONDS)).isNull();
		assertThat(dict).isEmpty();
	}

	@Test
	void asyncFunctionThatThrowsFailsTheFuture() {
		SharedDict<String, Long> dict = dictOfAbc();
		CompletableFuture<Long> failed = dict.computeAsync("a", (k, v) -> {
			throw new IllegalStateException("boom");
		});
		assertThat(failed).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(Exception.class)
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(dict).isEqualTo(abc());
	}

	@Test
	void manyAsyncCallsInFlightAllComplete() {
		SharedDict<String, Long> dict = dict();
		List<CompletableFuture<Long>> futures = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			futures.add(dict.mergeAsync("n", 1L, Long::sum));
			futures.add(dict.putAsync("k" + i, (long) i));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
		assertThat(dict.get("n")).isEqualTo(500L);
		assertThat(dict.size()).isEqualTo(501);
	}

	// atomicity

	@Test
	void mergeFromFourThreadsIsAtomic() throws Exception {
		SharedDict<String, Long> dict = dict();
		inParallel(4, (thread) -> {
			for (int i = 0; i < 1000; i++) {
				dict.merge("n", 1L, Long::sum);
			}
		});
		assertThat(dict.get("n")).isEqualTo(4000L);
	}

	@Test
	void computeFromFourThreadsIsAtomic() throws Exception {
		SharedDict<String, Long> dict = dict();
		inParallel(4, (thread) -> {
			SharedDict<String, Long> own = (thread % 2 == 0) ? dict : peerDict();
			for (int i = 0; i < 250; i++) {
				own.compute("n", (k, v) -> (v == null) ? 1L : v + 1);
			}
		});
		assertThat(dict.get("n")).isEqualTo(1000L);
	}

	@Test
	void putIfAbsentRaceHasExactlyOneWinner() throws Exception {
		SharedDict<String, Long> dict = dict();
		AtomicInteger winners = new AtomicInteger();
		inParallel(4, (thread) -> {
			for (int i = 0; i < 100; i++) {
				if (dict.putIfAbsent("k" + i, (long) thread) == null) {
					winners.incrementAndGet();
				}
			}
		});
		assertThat(winners.get()).isEqualTo(100);
		assertThat(dict.size()).isEqualTo(100);
	}

	@Test
	void replaceOfAnEntryFromFourThreadsIsACompareAndSet() throws Exception {
		SharedDict<String, Long> dict = dict();
		dict.put("n", 0L);
		inParallel(4, (thread) -> {
			for (int done = 0; done < 100;) {
				Long current = dict.get("n");
				if (dict.replace("n", current, current + 1)) {
					done++;
				}
			}
		});
		assertThat(dict.get("n")).isEqualTo(400L);
	}

	@Test
	void behavesLikeAConcurrentHashMapUnderAMixOfOperations() {
		SharedDict<Integer, Integer> dict = dict();
		Map<Integer, Integer> expected = new ConcurrentHashMap<>();
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 300; i++) {
			int key = random.nextInt(20);
			int value = random.nextInt(5);
			switch (random.nextInt(8)) {
				case 0 -> assertThat(dict.put(key, value)).isEqualTo(expected.put(key, value));
				case 1 -> assertThat(dict.remove(key)).isEqualTo(expected.remove(key));
				case 2 -> assertThat(dict.putIfAbsent(key, value)).isEqualTo(expected.putIfAbsent(key, value));
				case 3 -> assertThat(dict.remove(key, value)).isEqualTo(expected.remove(key, value));
				case 4 -> assertThat(dict.replace(key, value)).isEqualTo(expected.replace(key, value));
				case 5 ->
					assertThat(dict.replace(key, value, value + 1)).isEqualTo(expected.replace(key, value, value + 1));
				case 6 -> assertThat(dict.merge(key, value, Integer::sum))
					.isEqualTo(expected.merge(key, value, Integer::sum));
				default -> assertThat(dict.computeIfPresent(key, (k, v) -> (v > 3) ? null : v + k))
					.isEqualTo(expected.computeIfPresent(key, (k, v) -> (v > 3) ? null : v + k));
			}
		}
		assertThat(dict).isEqualTo(expected);
	}

}
