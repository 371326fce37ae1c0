package io.sharedstate.snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SnapshotsTests {

	private static void assertLost(ThrowingCallable mutation) {
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(mutation)
			.isInstanceOf(UnsupportedOperationException.class)
			.withMessageContaining("lost");
	}

	@SuppressWarnings("unchecked")
	private static <T> T frozen(Object value) {
		return (T) Snapshots.of(value);
	}

	// what is kept as it is

	@Test
	void immutableValuesAreKeptAsTheyAre() {
		String string = "s";
		Long number = 1L;
		assertThat(Snapshots.of(null)).isNull();
		assertThat(Snapshots.of(string)).isSameAs(string);
		assertThat(Snapshots.of(number)).isSameAs(number);
		assertThat(Snapshots.of(Boolean.TRUE)).isSameAs(Boolean.TRUE);
	}

	@Test
	void otherObjectsAreKeptAsTheyAre() {
		record Point(int x, int y) {
		}
		Point point = new Point(1, 2);
		assertThat(Snapshots.of(point)).isSameAs(point);
		assertThat(Snapshots.of(SharedType.DICT)).isSameAs(SharedType.DICT);
	}

	@Test
	void sharedObjectsStayLiveEvenWhenTheyAreCollections() {
		class LiveList extends ArrayList<String> implements SharedObject {

			@Override
			public String name() {
				return "live";
			}

			@Override
			public SharedType type() {
				return SharedType.LIST;
			}

		}
		LiveList live = new LiveList();
		assertThat(Snapshots.of(live)).isSameAs(live);
		assertThat(Snapshots.<Object>list(List.of(live)).get(0)).isSameAs(live);
	}

	@Test
	void snapshotsAreNotCopiedAgain() {
		Object list = Snapshots.of(new ArrayList<>(List.of(1)));
		Object set = Snapshots.of(new LinkedHashSet<>(Set.of(1)));
		Object map = Snapshots.of(new HashMap<>(Map.of(1, 2)));
		assertThat(Snapshots.of(list)).isSameAs(list);
		assertThat(Snapshots.of(set)).isSameAs(set);
		assertThat(Snapshots.of(map)).isSameAs(map);
	}

	// copies

	@Test
	void collectionsBecomeEqualSnapshots() {
		assertThat(Snapshots.of(new ArrayList<>(List.of(1, 2)))).isInstanceOf(SnapshotList.class)
			.isEqualTo(List.of(1, 2));
		assertThat(Snapshots.of(new TreeSet<>(Set.of(2, 1)))).isInstanceOf(SnapshotSet.class).isEqualTo(Set.of(1, 2));
		assertThat(Snapshots.of(new HashMap<>(Map.of("a", 1)))).isInstanceOf(SnapshotMap.class)
			.isEqualTo(Map.of("a", 1));
		assertThat(Snapshots.of(new ArrayDeque<>(List.of(1, 2)))).isInstanceOf(SnapshotList.class)
			.isEqualTo(List.of(1, 2));
		assertThat(Snapshots.of(List.of(1))).isInstanceOf(SnapshotList.class);
	}

	@Test
	void snapshotsAreCopiesUnaffectedByLaterChangesToTheSource() {
		List<Integer> list = new ArrayList<>(List.of(1));
		Set<Integer> set = new LinkedHashSet<>(Set.of(1));
		Map<String, Integer> map = new HashMap<>(Map.of("a", 1));
		List<Integer> frozenList = frozen(list);
		Set<Integer> frozenSet = frozen(set);
		Map<String, Integer> frozenMap = frozen(map);
		list.add(2);
		set.add(2);
		map.put("b", 2);
		assertThat(frozenList).containsExactly(1);
		assertThat(frozenSet).containsExactly(1);
		assertThat(frozenMap).containsOnlyKeys("a");
	}

	@Test
	void iterationOrderOfTheSourceIsKept() {
		LinkedHashSet<String> set = new LinkedHashSet<>(List.of("c", "a", "b"));
		LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
		map.put("c", 3);
		map.put("a", 1);
		map.put("b", 2);
		assertThat(SnapshotsTests.<Set<String>>frozen(set)).containsExactly("c", "a", "b");
		assertThat(SnapshotsTests.<Map<String, Integer>>frozen(map).keySet()).containsExactly("c", "a", "b");
	}

	@Test
	void nullsAreKeptInSnapshots() {
		List<String> list = frozen(new ArrayList<>(Arrays.asList("a", null)));
		Map<String, String> source = new HashMap<>();
		source.put(null, null);
		Map<String, String> map = frozen(source);
		assertThat(list).containsExactly("a", null);
		assertThat(map).containsEntry(null, null);
	}

	@Test
	void freezingIsDeep() {
		Map<List<Integer>, Set<List<String>>> source = new HashMap<>();
		source.put(new ArrayList<>(List.of(1)), new LinkedHashSet<>(Set.of(new ArrayList<>(List.of("x")))));
		List<Object> outer = new ArrayList<>(List.of(source));
		List<Map<List<Integer>, Set<List<String>>>> frozen = frozen(outer);
		Map<List<Integer>, Set<List<String>>> map = frozen.get(0);
		List<Integer> key = map.keySet().iterator().next();
		Set<List<String>> value = map.get(List.of(1));
		List<String> inner = value.iterator().next();
		assertThat(map).isInstanceOf(SnapshotMap.class);
		assertThat(key).isInstanceOf(SnapshotList.class);
		assertThat(value).isInstanceOf(SnapshotSet.class);
		assertThat(inner).isInstanceOf(SnapshotList.class);
		assertLost(() -> key.add(2));
		assertLost(() -> value.clear());
		assertLost(() -> inner.set(0, "y"));
	}

	@Test
	void arraysAreCopied() {
		byte[] bytes = { 1, 2 };
		int[] ints = { 3 };
		String[] strings = { "a" };
		byte[] bytesCopy = frozen(bytes);
		int[] intsCopy = frozen(ints);
		String[] stringsCopy = frozen(strings);
		assertThat(bytesCopy).isNotSameAs(bytes).containsExactly(1, 2);
		assertThat(intsCopy).isNotSameAs(ints).containsExactly(3);
		assertThat(stringsCopy).isNotSameAs(strings).containsExactly("a");
		bytes[0] = 9;
		assertThat(bytesCopy[0]).isEqualTo((byte) 1);
	}

	@Test
	void nestedArraysAreCopiedToo() {
		int[][] matrix = { { 1, 2 }, { 3, 4 } };
		int[][] copy = frozen(matrix);
		matrix[0][0] = 9;
		assertThat(copy[0]).isNotSameAs(matrix[0]).containsExactly(1, 2);
	}

	@Test
	void arraysInsideCollectionsAreCopied() {
		byte[] bytes = { 1 };
		List<byte[]> frozen = frozen(new ArrayList<>(List.<byte[]>of(bytes)));
		bytes[0] = 9;
		assertThat(frozen.get(0)).isNotSameAs(bytes).containsExactly(1);
	}

	@Test
	void listOfSnapshotsEveryElement() {
		List<Object> list = Snapshots.list(List.of(new ArrayList<>(List.of(1)), "s"));
		assertThat(list).isInstanceOf(SnapshotList.class).containsExactly(List.of(1), "s");
		assertThat(list.get(0)).isInstanceOf(SnapshotList.class);
	}

	@Test
	void mapOfSnapshotsEveryKeyAndValue() {
		Map<Object, Object> map = Snapshots.map(Map.of("k", new ArrayList<>(List.of(1))));
		assertThat(map).isInstanceOf(SnapshotMap.class);
		assertThat(map.get("k")).isInstanceOf(SnapshotList.class);
	}

	// list snapshots

	@Test
	void listSnapshotReadsLikeAList() {
		List<String> list = frozen(new ArrayList<>(List.of("a", "b", "a")));
		assertThat(list).hasSize(3);
		assertThat(list.get(1)).isEqualTo("b");
		assertThat(list.indexOf("a")).isZero();
		assertThat(list.lastIndexOf("a")).isEqualTo(2);
		assertThat(list.contains("b")).isTrue();
		assertThat(list.subList(1, 3)).containsExactly("b", "a");
		assertThat(list).isEqualTo(List.of("a", "b", "a"));
		assertThat(list.hashCode()).isEqualTo(List.of("a", "b", "a").hashCode());
		assertThat(list.toString()).isEqualTo("[a, b, a]");
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(3));
	}

	@Test
	void everyMutatorOfAListSnapshotThrowsLostUpdate() {
		List<String> list = frozen(new ArrayList<>(List.of("a", "b")));
		assertLost(() -> list.add("c"));
		assertLost(() -> list.add(0, "c"));
		assertLost(() -> list.set(0, "c"));
		assertLost(() -> list.remove(0));
		assertLost(() -> list.remove("a"));
		assertLost(() -> list.addAll(List.of("c")));
		assertLost(() -> list.addAll(0, List.of("c")));
		assertLost(() -> list.removeAll(List.of("a")));
		assertLost(() -> list.retainAll(List.of("a")));
		assertLost(() -> list.removeIf("a"::equals));
		assertLost(() -> list.replaceAll(String::toUpperCase));
		assertLost(() -> list.sort(null));
		assertLost(list::clear);
		assertThat(list).containsExactly("a", "b");
	}

	@Test
	void mutatorsOfAListSnapshotThrowLostUpdateEvenWhenTheyWouldChangeNothing() {
		List<String> list = frozen(new ArrayList<>());
		assertLost(() -> list.remove("z"));
		assertLost(() -> list.addAll(List.of()));
		assertLost(() -> list.removeAll(List.of()));
		assertLost(() -> list.retainAll(List.of()));
		assertLost(() -> list.removeIf("z"::equals));
		assertLost(list::clear);
	}

	@Test
	void everyMutatorOfAListSnapshotsIteratorsAndSubListsThrowsLostUpdate() {
		List<String> list = frozen(new ArrayList<>(List.of("a", "b", "c")));
		Iterator<String> iterator = list.iterator();
		iterator.next();
		assertLost(iterator::remove);
		ListIterator<String> listIterator = list.listIterator();
		listIterator.next();
		assertLost(() -> listIterator.set("z"));
		assertLost(() -> listIterator.add("z"));
		assertLost(listIterator::remove);
		List<String> sub = list.subList(0, 2);
		assertLost(() -> sub.add("z"));
		assertLost(() -> sub.set(0, "z"));
		assertLost(() -> sub.remove(0));
		assertLost(sub::clear);
		assertThat(list).containsExactly("a", "b", "c");
	}

	// set snapshots

	@Test
	void setSnapshotReadsLikeASet() {
		Set<String> set = frozen(new LinkedHashSet<>(List.of("a", "b")));
		assertThat(set).hasSize(2).containsExactly("a", "b");
		assertThat(set.contains("a")).isTrue();
		assertThat(set.contains("z")).isFalse();
		assertThat(set).isEqualTo(Set.of("a", "b"));
		assertThat(set.hashCode()).isEqualTo(Set.of("a", "b").hashCode());
	}

	@Test
	void everyMutatorOfASetSnapshotThrowsLostUpdate() {
		Set<String> set = frozen(new LinkedHashSet<>(List.of("a", "b")));
		assertLost(() -> set.add("c"));
		assertLost(() -> set.remove("a"));
		assertLost(() -> set.addAll(List.of("c")));
		assertLost(() -> set.removeAll(List.of("a")));
		assertLost(() -> set.retainAll(List.of("a")));
		assertLost(() -> set.removeIf("a"::equals));
		assertLost(set::clear);
		Iterator<String> iterator = set.iterator();
		iterator.next();
		assertLost(iterator::remove);
		assertThat(set).containsExactly("a", "b");
	}

	// map snapshots

	@Test
	void mapSnapshotReadsLikeAMap() {
		Map<String, Integer> map = frozen(new HashMap<>(Map.of("a", 1, "b", 2)));
		assertThat(map).hasSize(2);
		assertThat(map.get("a")).isEqualTo(1);
		assertThat(map.get("z")).isNull();
		assertThat(map.getOrDefault("z", 9)).isEqualTo(9);
		assertThat(map.containsKey("b")).isTrue();
		assertThat(map.containsValue(2)).isTrue();
		assertThat(map.keySet()).containsExactlyInAnyOrder("a", "b");
		assertThat(map.values()).containsExactlyInAnyOrder(1, 2);
		assertThat(map.entrySet()).containsExactlyInAnyOrder(Map.entry("a", 1), Map.entry("b", 2));
		assertThat(map).isEqualTo(Map.of("a", 1, "b", 2));
		assertThat(map.hashCode()).isEqualTo(Map.of("a", 1, "b", 2).hashCode());
	}

	@Test
	void everyMutatorOfAMapSnapshotThrowsLostUpdate() {
		Map<String, Integer> map = frozen(new HashMap<>(Map.of("a", 1)));
		assertLost(() -> map.put("b", 2));
		assertLost(() -> map.remove("a"));
		assertLost(() -> map.putAll(Map.of("b", 2)));
		assertLost(map::clear);
		assertLost(() -> map.putIfAbsent("b", 2));
		assertLost(() -> map.remove("a", 1));
		assertLost(() -> map.replace("a", 1, 2));
		assertLost(() -> map.replace("a", 2));
		assertLost(() -> map.computeIfAbsent("b", (k) -> 2));
		assertLost(() -> map.computeIfPresent("a", (k, v) -> 2));
		assertLost(() -> map.compute("a", (k, v) -> 2));
		assertLost(() -> map.merge("a", 1, Integer::sum));
		assertLost(() -> map.replaceAll((k, v) -> 2));
		assertThat(map).isEqualTo(Map.of("a", 1));
	}

	@Test
	void everyMutatorOfAMapSnapshotsViewsThrowsLostUpdate() {
		Map<String, Integer> map = frozen(new HashMap<>(Map.of("a", 1)));
		assertCollectionMutatorsLost(map.keySet(), "a");
		assertCollectionMutatorsLost(map.values(), 1);
		assertCollectionMutatorsLost(map.entrySet(), Map.entry("a", 1));
		Map.Entry<String, Integer> entry = map.entrySet().iterator().next();
		assertLost(() -> entry.setValue(2));
		assertThat(entry).isEqualTo(Map.entry("a", 1));
		assertThat(map).isEqualTo(Map.of("a", 1));
	}

	private static <E> void assertCollectionMutatorsLost(Collection<E> view, E present) {
		assertLost(() -> view.add(present));
		assertLost(() -> view.addAll(List.of(present)));
		assertLost(() -> view.remove(present));
		assertLost(() -> view.removeAll(List.of(present)));
		assertLost(() -> view.retainAll(List.of()));
		assertLost(() -> view.removeIf((e) -> true));
		assertLost(view::clear);
		Iterator<E> iterator = view.iterator();
		iterator.next();
		assertLost(iterator::remove);
		Consumer<E> noop = (e) -> {
		};
		view.forEach(noop);
		assertThat(view).containsExactly(present);
	}

}
