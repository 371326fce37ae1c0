package io.sharedstate.contract;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * The contract of {@link SharedList}: {@link List} semantics on every engine (with
 * {@code null} elements allowed), plus what sharing adds (snapshot iterators, atomic
 * functions, async calls).
 */
public abstract class SharedListContract extends ContractSupport {

	/** A record element. */
	record Point(int x, int y) {

	}

	/**
	 * A collection class of the caller's own whose constructor sets its state, like most
	 * collections outside the JDK.
	 */
	static final class Bag<E> extends AbstractCollection<E> {

		private final List<E> elements;

		@SafeVarargs
		Bag(E... elements) {
			this.elements = Arrays.asList(elements);
		}

		@Override
		public Iterator<E> iterator() {
			return this.elements.iterator();
		}

		@Override
		public int size() {
			return this.elements.size();
		}

	}

	private <E> SharedList<E> list() {
		return manager().list(uniqueName());
	}

	private <E> SharedList<E> peerList() {
		return peer().list(uniqueName());
	}

	@SafeVarargs
	private <E> SharedList<E> listOf(E... elements) {
		SharedList<E> list = list();
		list.addAll(Arrays.asList(elements));
		return list;
	}

	// identity

	@Test
	void knowsItsNameAndType() {
		SharedList<String> list = list();
		assertThat(list.name()).isEqualTo(uniqueName());
		assertThat(list.type()).isEqualTo(SharedType.LIST);
	}

	@Test
	void sameNameIsTheSameList() {
		list().add("a");
		assertThat(manager().list(uniqueName())).containsExactly("a");
		assertThat(peerList()).containsExactly("a");
	}

	@Test
	void newListIsEmpty() {
		SharedList<String> list = list();
		assertThat(list.size()).isZero();
		assertThat(list.isEmpty()).isTrue();
		assertThat(list.iterator().hasNext()).isFalse();
	}

	@Test
	void nameOfAnotherTypeIsRefusedNamingBothTypes() {
		list();
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().dict(uniqueName()))
			.withMessageContaining("list")
			.withMessageContaining("dict");
	}

	// positional access

	@Test
	void addAppendsAndReturnsTrue() {
		SharedList<String> list = list();
		assertThat(list.add("a")).isTrue();
		assertThat(list.add("b")).isTrue();
		assertThat(list.add("a")).isTrue();
		assertThat(list).containsExactly("a", "b", "a");
		assertThat(peerList()).containsExactly("a", "b", "a");
	}

	@Test
	void addAtAnIndexInsertsAndShifts() {
		SharedList<String> list = listOf("a", "c");
		list.add(1, "b");
		list.add(0, "start");
		list.add(4, "end");
		assertThat(list).containsExactly("start", "a", "b", "c", "end");
	}

	@Test
	void getReturnsTheElementAtAnIndex() {
		SharedList<String> list = listOf("a", "b", "c");
		assertThat(list.get(0)).isEqualTo("a");
		assertThat(list.get(2)).isEqualTo("c");
	}

	@Test
	void setReplacesAndReturnsThePreviousElement() {
		SharedList<String> list = listOf("a", "b", "c");
		assertThat(list.set(1, "B")).isEqualTo("b");
		assertThat(list).containsExactly("a", "B", "c");
	}

	@Test
	void removeAtAnIndexReturnsTheElementAndShifts() {
		SharedList<String> list = listOf("a", "b", "c");
		assertThat(list.remove(1)).isEqualTo("b");
		assertThat(list).containsExactly("a", "c");
		assertThat(list.remove(1)).isEqualTo("c");
		assertThat(list.remove(0)).isEqualTo("a");
		assertThat(list).isEmpty();
	}

	@Test
	void removeOfAnElementRemovesItsFirstOccurrence() {
		SharedList<String> list = listOf("a", "b", "a");
		assertThat(list.remove("a")).isTrue();
		assertThat(list).containsExactly("b", "a");
		assertThat(list.remove("z")).isFalse();
		assertThat(list).containsExactly("b", "a");
	}

	@Test
	void removeOfAnIntegerElementIsNotRemoveAtAnIndex() {
		SharedList<Integer> list = listOf(5, 0, 7);
		assertThat(list.remove(Integer.valueOf(0))).isTrue();
		assertThat(list).containsExactly(5, 7);
		assertThat(list.remove(0)).isEqualTo(5);
		assertThat(list).containsExactly(7);
	}

	@Test
	void indexOfAndLastIndexOfFindOccurrences() {
		SharedList<String> list = listOf("a", "b", "a", "c");
		assertThat(list.indexOf("a")).isEqualTo(0);
		assertThat(list.lastIndexOf("a")).isEqualTo(2);
		assertThat(list.indexOf("c")).isEqualTo(3);
		assertThat(list.indexOf("z")).isEqualTo(-1);
		assertThat(list.lastIndexOf("z")).isEqualTo(-1);
	}

	@Test
	void containsAndContainsAllFollowTheContents() {
		SharedList<String> list = listOf("a", "b", "c");
		assertThat(list.contains("b")).isTrue();
		assertThat(list.contains("z")).isFalse();
		assertThat(list.containsAll(List.of("a", "c"))).isTrue();
		assertThat(list.containsAll(Set.of("a", "z"))).isFalse();
		assertThat(list.containsAll(List.of())).isTrue();
	}

	@Test
	void sizeAndIsEmptyFollowTheContents() {
		SharedList<String> list = list();
		list.add("a");
		list.add("b");
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.isEmpty()).isFalse();
		list.clear();
		assertThat(list.size()).isZero();
		assertThat(list.isEmpty()).isTrue();
	}

	// bulk operations

	@Test
	void addAllAppendsInOrder() {
		SharedList<String> list = listOf("a");
		assertThat(list.addAll(List.of("b", "c"))).isTrue();
		assertThat(list.addAll(new LinkedList<>(List.of("d")))).isTrue();
		assertThat(list).containsExactly("a", "b", "c", "d");
	}

	@Test
	void addAllOfNothingReturnsFalse() {
		SharedList<String> list = listOf("a");
		assertThat(list.addAll(List.of())).isFalse();
		assertThat(list.addAll(0, List.of())).isFalse();
		assertThat(list).containsExactly("a");
	}

	@Test
	void addAllAtAnIndexInsertsInOrder() {
		SharedList<String> list = listOf("a", "d");
		assertThat(list.addAll(1, List.of("b", "c"))).isTrue();
		assertThat(list).containsExactly("a", "b", "c", "d");
		assertThat(list.addAll(4, List.of("e"))).isTrue();
		assertThat(list).containsExactly("a", "b", "c", "d", "e");
	}

	@Test
	void bulkOperationsTakeAnyCollectionClass() {
		SharedList<String> list = listOf("a");
		assertThat(list.addAll(new Bag<>("b", null))).isTrue();
		assertThat(list.addAll(0, new Bag<>("c"))).isTrue();
		assertThat(list.addAll(new Bag<>())).isFalse();
		assertThat(list.containsAll(new Bag<>("a", "b"))).isTrue();
		assertThat(list).containsExactly("c", "a", "b", null);
		assertThat(list.removeAll(new Bag<>("c", "z"))).isTrue();
		assertThat(list.retainAll(new Bag<>("a", null))).isTrue();
		assertThat(list).containsExactly("a", null);
		assertThat(list.removeAll(new Bag<>())).isFalse();
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.addAll(5, new Bag<>("x")));
	}

	@Test
	void addAllOfItselfDoublesIt() {
		SharedList<String> list = listOf("a", "b");
		list.addAll(list);
		assertThat(list).containsExactly("a", "b", "a", "b");
	}

	@Test
	void addAllOfNullIsRefused() {
		SharedList<String> list = listOf("a");
		assertThatNullPointerException().isThrownBy(() -> list.addAll(null));
		assertThat(list).containsExactly("a");
	}

	@Test
	void removeAllRemovesEveryOccurrence() {
		SharedList<String> list = listOf("a", "b", "a", "c");
		assertThat(list.removeAll(List.of("a", "z"))).isTrue();
		assertThat(list).containsExactly("b", "c");
		assertThat(list.removeAll(Set.of("z"))).isFalse();
		assertThat(list).containsExactly("b", "c");
	}

	@Test
	void retainAllKeepsOnlyTheGivenElements() {
		SharedList<String> list = listOf("a", "b", "a", "c");
		assertThat(list.retainAll(Set.of("a", "c"))).isTrue();
		assertThat(list).containsExactly("a", "a", "c");
		assertThat(list.retainAll(List.of("a", "c"))).isFalse();
		assertThat(list.retainAll(List.of())).isTrue();
		assertThat(list).isEmpty();
	}

	@Test
	void clearRemovesEveryElement() {
		SharedList<String> list = listOf("a", "b");
		list.clear();
		assertThat(list).isEmpty();
		assertThat(peerList()).isEmpty();
	}

	// indexes out of bounds

	@Test
	void indexesOutOfBoundsAreRefused() {
		SharedList<String> list = listOf("a", "b");
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(-1));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(2));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.set(2, "c"));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.set(-1, "c"));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.add(3, "c"));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.add(-1, "c"));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.remove(2));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.remove(-1));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.addAll(3, List.of("c")));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.listIterator(3));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.listIterator(-1));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.subList(0, 3));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.subList(-1, 1));
		assertThat(list).containsExactly("a", "b");
	}

	@Test
	void emptyListHasNoIndexes() {
		SharedList<String> list = list();
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(0));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.remove(0));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.set(0, "a"));
	}

	// nulls

	@Test
	void nullElementsAreAllowed() {
		SharedList<String> list = list();
		list.add(null);
		list.add("a");
		list.add(0, null);
		assertThat(list).containsExactly(null, null, "a");
		assertThat(list.contains(null)).isTrue();
		assertThat(list.indexOf(null)).isEqualTo(0);
		assertThat(list.lastIndexOf(null)).isEqualTo(1);
		assertThat(list.set(2, null)).isEqualTo("a");
		assertThat(list.remove(null)).isTrue();
		assertThat(list).containsExactly(null, null);
		assertThat(list.get(0)).isNull();
		assertThat(peerList()).containsExactly(null, null);
	}

	@Test
	void nullElementsTakePartInBulkOperations() {
		SharedList<String> list = list();
		list.addAll(Arrays.asList("a", null, "b", null));
		assertThat(list.containsAll(Arrays.asList(null, "a"))).isTrue();
		assertThat(list.removeAll(Collections.singleton(null))).isTrue();
		assertThat(list).containsExactly("a", "b");
	}

	// subList

	@Test
	void subListReadsTheList() {
		SharedList<String> list = listOf("a", "b", "c", "d");
		List<String> sub = list.subList(1, 3);
		assertThat(sub.size()).isEqualTo(2);
		assertThat(sub.get(0)).isEqualTo("b");
		assertThat(sub.get(1)).isEqualTo("c");
		assertThat(sub).containsExactly("b", "c");
		assertThat(sub.contains("c")).isTrue();
		assertThat(sub.contains("a")).isFalse();
		assertThat(sub.indexOf("c")).isEqualTo(1);
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> sub.get(2));
	}

	@Test
	void subListSetReachesTheList() {
		SharedList<String> list = listOf("a", "b", "c", "d");
		List<String> sub = list.subList(1, 3);
		assertThat(sub.set(1, "C")).isEqualTo("c");
		assertThat(peerList()).containsExactly("a", "b", "C", "d");
	}

	@Test
	void subListClearRemovesTheRangeFromTheList() {
		SharedList<String> list = listOf("a", "b", "c", "d");
		List<String> sub = list.subList(1, 3);
		sub.clear();
		assertThat(sub.size()).isZero();
		assertThat(peerList()).containsExactly("a", "d");
	}

	@Test
	void subListAddAndRemoveReachTheList() {
		SharedList<String> list = listOf("a", "b", "c", "d");
		List<String> sub = list.subList(1, 3);
		sub.add("x");
		assertThat(sub).containsExactly("b", "c", "x");
		assertThat(list).containsExactly("a", "b", "c", "x", "d");
		assertThat(sub.remove(0)).isEqualTo("b");
		assertThat(sub.remove("x")).isTrue();
		assertThat(sub.size()).isEqualTo(1);
		assertThat(peerList()).containsExactly("a", "c", "d");
	}

	@Test
	void subListIteratorChangesReachTheList() {
		SharedList<String> list = listOf("a", "b", "c", "d");
		List<String> sub = list.subList(1, 3);
		ListIterator<String> iterator = sub.listIterator();
		assertThat(iterator.next()).isEqualTo("b");
		iterator.set("B");
		assertThat(iterator.next()).isEqualTo("c");
		iterator.remove();
		iterator.add("x");
		assertThat(iterator.hasNext()).isFalse();
		assertThat(sub).containsExactly("B", "x");
		assertThat(list).containsExactly("a", "B", "x", "d");
	}

	@Test
	void subListOfASubListReachesTheList() {
		SharedList<String> list = listOf("a", "b", "c", "d", "e");
		List<String> inner = list.subList(1, 4).subList(1, 2);
		assertThat(inner).containsExactly("c");
		inner.set(0, "C");
		inner.add("x");
		assertThat(list).containsExactly("a", "b", "C", "x", "d", "e");
	}

	@Test
	void subListEqualsAPlainList() {
		SharedList<String> list = listOf("a", "b", "c");
		assertThat(list.subList(0, 2)).isEqualTo(List.of("a", "b"));
		assertThat(list.subList(0, 2).hashCode()).isEqualTo(List.of("a", "b").hashCode());
	}

	// iterators

	@Test
	void iteratorWalksInOrder() {
		SharedList<String> list = listOf("a", "b", "c");
		List<String> seen = new ArrayList<>();
		for (String element : list) {
			seen.add(element);
		}
		assertThat(seen).containsExactly("a", "b", "c");
		List<String> visited = new ArrayList<>();
		list.forEach(visited::add);
		assertThat(visited).containsExactly("a", "b", "c");
		assertThat(list.stream().toList()).containsExactly("a", "b", "c");
	}

	@Test
	void iteratorPastTheEndThrowsNoSuchElement() {
		SharedList<String> list = listOf("a");
		Iterator<String> iterator = list.iterator();
		iterator.next();
		assertThat(iterator.hasNext()).isFalse();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(iterator::next);
	}

	@Test
	void iteratorRemoveRemovesFromTheList() {
		SharedList<String> list = listOf("a", "b", "c", "b");
		Iterator<String> iterator = list.iterator();
		while (iterator.hasNext()) {
			if (iterator.next().equals("b")) {
				iterator.remove();
			}
		}
		assertThat(peerList()).containsExactly("a", "c");
	}

	@Test
	void iteratorRemoveWithoutNextIsIllegal() {
		SharedList<String> list = listOf("a", "b");
		Iterator<String> iterator = list.iterator();
		assertThatIllegalStateException().isThrownBy(iterator::remove);
		iterator.next();
		iterator.remove();
		assertThatIllegalStateException().isThrownBy(iterator::remove);
		assertThat(list).containsExactly("b");
	}

	@Test
	void listIteratorWalksBothWays() {
		SharedList<String> list = listOf("a", "b", "c");
		ListIterator<String> iterator = list.listIterator(1);
		assertThat(iterator.hasPrevious()).isTrue();
		assertThat(iterator.nextIndex()).isEqualTo(1);
		assertThat(iterator.previousIndex()).isEqualTo(0);
		assertThat(iterator.next()).isEqualTo("b");
		assertThat(iterator.next()).isEqualTo("c");
		assertThat(iterator.hasNext()).isFalse();
		assertThat(iterator.previous()).isEqualTo("c");
		assertThat(iterator.previous()).isEqualTo("b");
		assertThat(iterator.previous()).isEqualTo("a");
		assertThat(iterator.hasPrevious()).isFalse();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(iterator::previous);
	}

	@Test
	void listIteratorSetReplacesTheLastElementReturned() {
		SharedList<String> list = listOf("a", "b", "c");
		ListIterator<String> iterator = list.listIterator();
		while (iterator.hasNext()) {
			iterator.set(iterator.next().toUpperCase());
		}
		iterator.previous();
		iterator.set("z");
		assertThat(peerList()).containsExactly("A", "B", "z");
	}

	@Test
	void listIteratorAddInsertsBeforeTheCursor() {
		SharedList<String> list = listOf("a", "c");
		ListIterator<String> iterator = list.listIterator();
		iterator.next();
		iterator.add("b");
		assertThat(iterator.nextIndex()).isEqualTo(2);
		assertThat(iterator.next()).isEqualTo("c");
		iterator.add("d");
		assertThat(iterator.hasNext()).isFalse();
		assertThat(iterator.previous()).isEqualTo("d");
		assertThat(peerList()).containsExactly("a", "b", "c", "d");
	}

	@Test
	void listIteratorRemoveAfterPreviousRemovesThatElement() {
		SharedList<String> list = listOf("a", "b", "c");
		ListIterator<String> iterator = list.listIterator(3);
		assertThat(iterator.previous()).isEqualTo("c");
		assertThat(iterator.previous()).isEqualTo("b");
		iterator.remove();
		assertThat(iterator.nextIndex()).isEqualTo(1);
		assertThat(iterator.next()).isEqualTo("c");
		assertThat(list).containsExactly("a", "c");
	}

	@Test
	void listIteratorSetOrRemoveAfterAddIsIllegal() {
		SharedList<String> list = listOf("a");
		ListIterator<String> iterator = list.listIterator();
		iterator.next();
		iterator.add("b");
		assertThatIllegalStateException().isThrownBy(() -> iterator.set("x"));
		assertThatIllegalStateException().isThrownBy(iterator::remove);
		assertThat(list).containsExactly("a", "b");
	}

	@Test
	void iteratorWalksASnapshotAndNeverFailsOnConcurrentChanges() {
		SharedList<String> list = listOf("a", "b", "c");
		Iterator<String> iterator = list.iterator();
		assertThat(iterator.next()).isEqualTo("a");
		peerList().add("d");
		List<String> rest = new ArrayList<>();
		iterator.forEachRemaining(rest::add);
		assertThat(rest).containsExactly("b", "c");
		assertThat(list).containsExactly("a", "b", "c", "d");
	}

	// functions

	@Test
	void sortWithoutComparatorUsesNaturalOrder() {
		SharedList<String> list = listOf("c", "a", "b");
		list.sort(null);
		assertThat(peerList()).containsExactly("a", "b", "c");
	}

	@Test
	void sortWithAComparatorUsesIt() {
		SharedList<String> list = listOf("bb", "a", "ccc");
		list.sort((a, b) -> Integer.compare(b.length(), a.length()));
		assertThat(list).containsExactly("ccc", "bb", "a");
		list.sort(String::compareTo);
		assertThat(list).containsExactly("a", "bb", "ccc");
		list.sort(Comparator.reverseOrder());
		assertThat(list).containsExactly("ccc", "bb", "a");
	}

	@Test
	void sortIsStable() {
		SharedList<String> list = listOf("b1", "a1", "b2", "a2", "b3");
		list.sort((a, b) -> Character.compare(a.charAt(0), b.charAt(0)));
		assertThat(list).containsExactly("a1", "a2", "b1", "b2", "b3");
	}

	@Test
	void sortOfIncomparableElementsIsRefused() {
		SharedList<Object> list = listOf("a", 1);
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> list.sort(null));
		assertThat(list).containsExactly("a", 1);
	}

	@Test
	void removeIfRemovesEveryMatchingElement() {
		SharedList<String> list = listOf("a", "bb", "c", "dd");
		assertThat(list.removeIf((s) -> s.length() > 1)).isTrue();
		assertThat(list).containsExactly("a", "c");
		assertThat(list.removeIf((s) -> s.length() > 1)).isFalse();
		assertThat(list).containsExactly("a", "c");
	}

	@Test
	void replaceAllReplacesEveryElement() {
		SharedList<String> list = listOf("a", "b");
		list.replaceAll((s) -> s + s);
		assertThat(peerList()).containsExactly("aa", "bb");
	}

	@Test
	void replaceAllMayProduceNulls() {
		SharedList<String> list = listOf("a", "b");
		list.replaceAll((s) -> s.equals("a") ? null : s);
		assertThat(list).containsExactly(null, "b");
	}

	@Test
	void nullFunctionsAndCollectionsAreRefusedEvenWhenNothingWouldBeVisited() {
		SharedList<String> list = list();
		assertThatNullPointerException().isThrownBy(() -> list.removeIf(null));
		assertThatNullPointerException().isThrownBy(() -> list.replaceAll(null));
		assertThatNullPointerException().isThrownBy(() -> list.removeAll(null));
		assertThatNullPointerException().isThrownBy(() -> list.retainAll(null));
		assertThatNullPointerException().isThrownBy(() -> list.containsAll(null));
		assertThatNullPointerException().isThrownBy(() -> list.addAll(0, null));
	}

	@Test
	void functionThatThrowsLeavesTheListUnchanged() {
		SharedList<String> list = listOf("a", "b");
		assertThatIllegalStateException().isThrownBy(() -> list.removeIf((s) -> {
			throw new IllegalStateException("boom");
		})).withMessageContaining("boom");
		assertThat(list).containsExactly("a", "b");
	}

	// equality

	@Test
	void equalsAndHashCodeMatchAnArrayList() {
		SharedList<String> list = listOf("a", null, "b");
		List<String> plain = new ArrayList<>(Arrays.asList("a", null, "b"));
		assertThat(list.equals(plain)).isTrue();
		assertThat(plain.equals(list)).isTrue();
		assertThat(list.hashCode()).isEqualTo(plain.hashCode());
		assertThat(list.equals(list)).isTrue();
		assertThat(list.equals(List.of("a", "b"))).isFalse();
		assertThat(list.equals(new HashSet<>(List.of("a", "b")))).isFalse();
	}

	@Test
	void emptyListEqualsAnEmptyList() {
		SharedList<String> list = list();
		assertThat(list.equals(List.of())).isTrue();
		assertThat(new ArrayList<>().equals(list)).isTrue();
		assertThat(list.hashCode()).isEqualTo(1);
	}

	@Test
	void toStringAndToArrayShowTheElements() {
		SharedList<String> list = listOf("a", "b");
		assertThat(list.toString()).isEqualTo("[a, b]");
		assertThat(list.toArray()).containsExactly("a", "b");
		assertThat(list.toArray(new String[0])).containsExactly("a", "b");
	}

	// snapshot

	@Test
	void snapshotIsAnUnmodifiableCopy() {
		SharedList<String> list = listOf("a", "b");
		List<String> snapshot = list.snapshot();
		list.add("c");
		list.set(0, "z");
		assertThat(snapshot).containsExactly("a", "b");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> snapshot.add("c"))
			.withMessageContaining("lost");
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> snapshot.set(0, "c"));
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(snapshot::clear);
	}

	// elements are copies

	@Test
	void plainCollectionElementReadBackRefusesMutationAsALostUpdate() {
		SharedList<Object> list = list();
		List<Integer> original = new ArrayList<>(List.of(1));
		list.add(original);
		list.add(Map.of("k", 1));
		original.add(2);
		@SuppressWarnings("unchecked")
		List<Integer> read = (List<Integer>) list.get(0);
		assertThat(read).containsExactly(1);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> read.add(3))
			.withMessageContaining("lost");
		@SuppressWarnings("unchecked")
		Map<String, Integer> map = (Map<String, Integer>) list.get(1);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> map.put("j", 2))
			.withMessageContaining("lost");
	}

	@Test
	void sharedObjectElementIsReadBackLive() {
		SharedList<Object> list = list();
		SharedDict<String, Long> dict = manager().dict(uniqueName() + ".dict");
		list.add(dict);
		@SuppressWarnings("unchecked")
		SharedDict<String, Long> read = (SharedDict<String, Long>) this.<Object>peerList().get(0);
		read.put("a", 1L);
		assertThat(dict.get("a")).isEqualTo(1L);
	}

	@Test
	void recordsAreElements() {
		SharedList<Point> list = listOf(new Point(1, 2), new Point(3, 4));
		assertThat(peerList()).containsExactly(new Point(1, 2), new Point(3, 4));
		assertThat(list.indexOf(new Point(3, 4))).isEqualTo(1);
		assertThat(list.remove(new Point(1, 2))).isTrue();
		list.sort((a, b) -> Integer.compare(a.y(), b.y()));
		assertThat(list).containsExactly(new Point(3, 4));
	}

	// async

	@Test
	void asyncCallsDoWhatTheirSynchronousTwinsDo() throws Exception {
		SharedList<String> list = list();
		assertThat(list.addAsync("a").get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(list.addAsync("b").get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(list.getAsync(1).get(10, TimeUnit.SECONDS)).isEqualTo("b");
		assertThat(list.setAsync(0, "A").get(10, TimeUnit.SECONDS)).isEqualTo("a");
		assertThat(list.sizeAsync().get(10, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(list).containsExactly("A", "b");
	}

	@Test
	void asyncCallOutOfBoundsFailsTheFuture() {
		SharedList<String> list = list();
		CompletableFuture<String> failed = list.getAsync(5);
		assertThat(failed).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(Exception.class)
			.withCauseInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void manyAsyncAddsInFlightAllLand() {
		SharedList<Integer> list = list();
		List<CompletableFuture<Boolean>> futures = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			futures.add(list.addAsync(i));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
		List<Integer> expected = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			expected.add(i);
		}
		assertThat(list).containsExactlyInAnyOrderElementsOf(expected);
	}

	// atomicity

	@Test
	void concurrentAddsFromFourThreadsAllLand() throws Exception {
		SharedList<String> list = list();
		inParallel(4, (thread) -> {
			List<String> own = (thread % 2 == 0) ? list : peerList();
			for (int i = 0; i < 250; i++) {
				own.add(thread + "-" + i);
			}
		});
		List<String> snapshot = list.snapshot();
		assertThat(snapshot).hasSize(1000);
		assertThat(new HashSet<>(snapshot)).hasSize(1000);
		for (int thread = 0; thread < 4; thread++) {
			String prefix = thread + "-";
			assertThat(snapshot.stream().filter((s) -> s.startsWith(prefix)).toList())
				.as("each thread's elements stay in its order")
				.isEqualTo(java.util.stream.IntStream.range(0, 250).mapToObj((i) -> prefix + i).toList());
		}
	}

	@Test
	void addAllFromFourThreadsIsAtomic() throws Exception {
		SharedList<Integer> list = list();
		inParallel(4, (thread) -> {
			for (int i = 0; i < 25; i++) {
				list.addAll(List.of(thread, thread, thread, thread));
			}
		});
		List<Integer> snapshot = list.snapshot();
		assertThat(snapshot).hasSize(400);
		for (int i = 0; i < snapshot.size(); i += 4) {
			assertThat(snapshot.subList(i, i + 4)).containsOnly(snapshot.get(i));
		}
	}

	@Test
	void behavesLikeAnArrayListUnderAMixOfOperations() {
		SharedList<Integer> list = list();
		List<Integer> expected = new ArrayList<>();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 300; i++) {
			int value = random.nextInt(6);
			int size = expected.size();
			switch (random.nextInt(7)) {
				case 0, 1 -> assertThat(list.add(value)).isEqualTo(expected.add(value));
				case 2 -> {
					int index = random.nextInt(size + 1);
					list.add(index, value);
					expected.add(index, value);
				}
				case 3 -> {
					if (size > 0) {
						int index = random.nextInt(size);
						assertThat(list.remove(index)).isEqualTo(expected.remove(index));
					}
				}
				case 4 ->
					assertThat(list.remove(Integer.valueOf(value))).isEqualTo(expected.remove(Integer.valueOf(value)));
				case 5 -> {
					if (size > 0) {
						int index = random.nextInt(size);
						assertThat(list.set(index, value)).isEqualTo(expected.set(index, value));
					}
				}
				default -> assertThat(list.indexOf(value)).isEqualTo(expected.indexOf(value));
			}
		}
		assertThat(list).isEqualTo(expected);
	}

}
