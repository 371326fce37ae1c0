package io.sharedstate.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedQueue} and {@link SharedJoinableQueue}:
 * {@link java.util.concurrent.BlockingQueue} semantics across threads and processes,
 * first come first served, like Python's {@code Queue(maxsize)} and
 * {@code JoinableQueue}, on every engine.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public abstract class SharedQueueContract extends ContractSupport {

	private static final Duration SHORT = Duration.ofMillis(200);

	private static final long LONG_SECONDS = 20;

	private SharedQueue<String> queue() {
		return manager().queue(uniqueName(), 0);
	}

	private SharedQueue<String> bounded(int maxsize) {
		return manager().queue(uniqueName(), maxsize);
	}

	private SharedQueue<String> peerQueue() {
		return peer().queue(uniqueName(), 0);
	}

	private SharedJoinableQueue<String> joinable() {
		return manager().joinableQueue(uniqueName(), 0);
	}

	private SharedJoinableQueue<String> peerJoinable() {
		return peer().joinableQueue(uniqueName(), 0);
	}

	private Background<String> taker(SharedQueue<String> queue) {
		return inBackground(() -> queue.poll(LONG_SECONDS, TimeUnit.SECONDS));
	}

	private Background<Boolean> putter(SharedQueue<String> queue, String item) {
		return inBackground(() -> queue.offer(item, LONG_SECONDS, TimeUnit.SECONDS));
	}

	@Test
	void knowsItsNameAndType() {
		assertThat(queue().name()).isEqualTo(uniqueName());
		assertThat(queue().type()).isEqualTo(SharedType.QUEUE);
		assertThat(manager().joinableQueue(uniqueName() + ".j", 0).type()).isEqualTo(SharedType.JOINABLE_QUEUE);
	}

	@Test
	void nameOfAQueueIsRefusedForAJoinableQueue() {
		queue();
		assertThatExceptionOfType(SharedTypeMismatchException.class)
			.isThrownBy(() -> manager().joinableQueue(uniqueName(), 0));
	}

	@Test
	void negativeMaxsizeIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> bounded(-1));
	}

	@Test
	void newQueueIsEmpty() {
		SharedQueue<String> queue = queue();
		assertThat(queue).isEmpty();
		assertThat(queue.size()).isZero();
		assertThat(queue.peek()).isNull();
		assertThat(queue.poll()).isNull();
	}

	@Test
	void itemsComeOutInTheOrderTheyWentIn() throws Exception {
		SharedQueue<String> queue = queue();
		queue.put("a");
		assertThat(queue.offer("b")).isTrue();
		assertThat(peerQueue().offer("c", 1, TimeUnit.SECONDS)).isTrue();
		queue.add("d");
		assertThat(queue.size()).isEqualTo(4);
		assertThat(queue.peek()).isEqualTo("a");
		assertThat(peerQueue().take()).isEqualTo("a");
		assertThat(queue.poll()).isEqualTo("b");
		assertThat(queue.poll(1, TimeUnit.SECONDS)).isEqualTo("c");
		assertThat(queue.remove()).isEqualTo("d");
		assertThat(queue).isEmpty();
	}

	@Test
	void itemsAreCopiesThatKeepTheirValue() throws Exception {
		SharedQueue<List<Integer>> queue = manager().queue(uniqueName(), 0);
		List<Integer> item = new ArrayList<>(List.of(1, 2));
		queue.put(item);
		item.add(3);
		assertThat(peer().<List<Integer>>queue(uniqueName(), 0).take()).containsExactly(1, 2);
	}

	@Test
	void nullIsRefused() {
		SharedQueue<String> queue = queue();
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> queue.offer(null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> queue.add(null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> queue.put(null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> queue.offer(null, 1, TimeUnit.SECONDS));
		assertThat(queue).isEmpty();
	}

	@Test
	void emptyQueueRefusesElementAndRemove() {
		SharedQueue<String> queue = queue();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(queue::element);
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(queue::remove);
	}

	@Test
	void timedPollOfAnEmptyQueueReturnsNullAfterItsTimeout() throws Exception {
		SharedQueue<String> queue = queue();
		long start = System.nanoTime();
		assertThat(queue.poll(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isNull();
		assertWaitedFor(start, SHORT);
	}

	@Test
	void takeWaitsForAnItemFromAnotherProcess() throws Exception {
		SharedQueue<String> queue = queue();
		Background<String> taker = inBackground(queue::take).awaitWaiting();
		taker.assertStillWaitingAfter(SHORT);
		peerQueue().put("x");
		assertThat(taker.get()).isEqualTo("x");
		assertThat(queue).isEmpty();
	}

	@Test
	void waitingTakersAreServedInTheOrderTheyCame() throws Exception {
		SharedQueue<String> queue = queue();
		List<Background<String>> takers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			takers.add(taker(queue).awaitWaiting());
		}
		queue.put("a");
		queue.put("b");
		queue.put("c");
		assertThat(takers.get(0).get()).isEqualTo("a");
		assertThat(takers.get(1).get()).isEqualTo("b");
		assertThat(takers.get(2).get()).isEqualTo("c");
	}

	@Test
	void unboundedQueueHasNoCapacityLimit() {
		SharedQueue<String> queue = queue();
		assertThat(queue.remainingCapacity()).isEqualTo(Integer.MAX_VALUE);
		for (int i = 0; i < 1000; i++) {
			assertThat(queue.offer("item" + i)).isTrue();
		}
		assertThat(queue.remainingCapacity()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void boundedQueueRefusesOffersWhileFull() throws Exception {
		SharedQueue<String> queue = bounded(2);
		assertThat(queue.remainingCapacity()).isEqualTo(2);
		assertThat(queue.offer("a")).isTrue();
		assertThat(queue.offer("b")).isTrue();
		assertThat(queue.remainingCapacity()).isZero();
		assertThat(queue.offer("c")).isFalse();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> queue.add("c"));
		long start = System.nanoTime();
		assertThat(queue.offer("c", SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		assertWaitedFor(start, SHORT);
		assertThat(queue).containsExactly("a", "b");
	}

	@Test
	void maxsizeIsTheOneGivenWhenTheQueueWasCreated() {
		bounded(1);
		assertThat(manager().<String>queue(uniqueName(), 5).remainingCapacity()).isEqualTo(1);
		assertThat(peer().<String>queue(uniqueName(), 0).remainingCapacity()).isEqualTo(1);
	}

	@Test
	void putWaitsForRoomInABoundedQueue() throws Exception {
		SharedQueue<String> queue = bounded(1);
		queue.put("a");
		Background<Void> producer = runInBackground(() -> queue.put("b")).awaitWaiting();
		producer.assertStillWaitingAfter(SHORT);
		assertThat(peer().<String>queue(uniqueName(), 1).take()).isEqualTo("a");
		producer.get();
		assertThat(queue).containsExactly("b");
	}

	@Test
	void waitingProducersGetRoomInTheOrderTheyCame() throws Exception {
		SharedQueue<String> queue = bounded(1);
		queue.put("first");
		List<Background<Boolean>> producers = new ArrayList<>();
		for (String item : List.of("a", "b", "c")) {
			producers.add(putter(queue, item).awaitWaiting());
		}
		List<String> taken = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			taken.add(queue.take());
		}
		for (Background<Boolean> producer : producers) {
			assertThat(producer.get()).isTrue();
		}
		assertThat(taken).containsExactly("first", "a", "b", "c");
	}

	@Test
	void takeLetsAWaitingProducerInBeforeALaterOffer() throws Exception {
		SharedQueue<String> queue = bounded(1);
		queue.put("first");
		Background<Boolean> waiting = putter(queue, "waiting").awaitWaiting();
		assertThat(queue.take()).isEqualTo("first");
		assertThat(waiting.get()).isTrue();
		assertThat(queue.offer("late")).isFalse();
		assertThat(queue).containsExactly("waiting");
	}

	@Test
	void timedOfferSucceedsWhenRoomIsMadeInTime() throws Exception {
		SharedQueue<String> queue = bounded(1);
		queue.put("a");
		Background<Boolean> producer = putter(queue, "b").awaitWaiting();
		queue.clear();
		assertThat(producer.get()).isTrue();
		assertThat(queue).containsExactly("b");
	}

	@Test
	void drainToTakesEveryItemInOrderAndMakesRoom() throws Exception {
		SharedQueue<String> queue = bounded(3);
		queue.addAll(List.of("a", "b", "c"));
		Background<Boolean> producer = putter(queue, "d").awaitWaiting();
		List<String> drained = new ArrayList<>(List.of("kept"));
		assertThat(queue.drainTo(drained)).isEqualTo(3);
		assertThat(drained).containsExactly("kept", "a", "b", "c");
		assertThat(producer.get()).isTrue();
		assertThat(queue).containsExactly("d");
	}

	@Test
	void drainToTakesAtMostTheGivenNumber() {
		SharedQueue<String> queue = queue();
		queue.addAll(List.of("a", "b", "c"));
		List<String> drained = new ArrayList<>();
		assertThat(queue.drainTo(drained, 2)).isEqualTo(2);
		assertThat(drained).containsExactly("a", "b");
		assertThat(queue).containsExactly("c");
		assertThat(queue.drainTo(drained, 0)).isZero();
	}

	@Test
	void drainToRefusesTheQueueItselfAndNull() {
		SharedQueue<String> queue = queue();
		queue.add("a");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> queue.drainTo(queue));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> queue.drainTo(null));
		assertThat(queue).containsExactly("a");
	}

	@Test
	void iteratorWalksASnapshot() {
		SharedQueue<String> queue = queue();
		queue.addAll(List.of("a", "b", "c"));
		Iterator<String> iterator = queue.iterator();
		queue.add("d");
		assertThat(queue.poll()).isEqualTo("a");
		List<String> seen = new ArrayList<>();
		iterator.forEachRemaining(seen::add);
		assertThat(seen).containsExactly("a", "b", "c");
		assertThat(queue).containsExactly("b", "c", "d");
	}

	@Test
	void iteratorRemoveRemovesTheItemFromTheSharedQueue() {
		SharedQueue<String> queue = queue();
		queue.addAll(List.of("a", "b", "a"));
		Iterator<String> iterator = queue.iterator();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(iterator::remove);
		iterator.next();
		iterator.remove();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(iterator::remove);
		assertThat(peerQueue()).containsExactly("b", "a");
	}

	@Test
	void containsAndRemoveFindEqualItems() {
		SharedQueue<String> queue = queue();
		queue.addAll(List.of("a", "b", "a"));
		assertThat(queue.contains("a")).isTrue();
		assertThat(queue.contains("z")).isFalse();
		assertThat(queue.contains(null)).isFalse();
		assertThat(queue.remove("a")).isTrue();
		assertThat(queue).containsExactly("b", "a");
		assertThat(queue.remove("z")).isFalse();
		assertThat(queue.remove(null)).isFalse();
	}

	@Test
	void removeAllRetainAllAndClearChangeTheSharedQueue() {
		SharedQueue<String> queue = queue();
		queue.addAll(List.of("a", "b", "c", "a"));
		assertThat(queue.removeAll(List.of("a"))).isTrue();
		assertThat(peerQueue()).containsExactly("b", "c");
		assertThat(queue.retainAll(List.of("c"))).isTrue();
		assertThat(peerQueue()).containsExactly("c");
		queue.clear();
		assertThat(peerQueue()).isEmpty();
	}

	@Test
	void removeMakesRoomForAWaitingProducer() throws Exception {
		SharedQueue<String> queue = bounded(1);
		queue.put("a");
		Background<Boolean> producer = putter(queue, "b").awaitWaiting();
		assertThat(queue.remove("a")).isTrue();
		assertThat(producer.get()).isTrue();
		assertThat(queue).containsExactly("b");
	}

	@Test
	void interruptingAWaitingTakeThrowsAndLeaksNoItem() throws Exception {
		SharedQueue<String> queue = queue();
		Background<String> taker = inBackground(queue::take).awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(taker::get);
		queue.put("x");
		assertThat(peerQueue().poll()).isEqualTo("x");
	}

	@Test
	void interruptingAWaitingPutThrowsAndPutsNothing() throws Exception {
		SharedQueue<String> queue = bounded(1);
		queue.put("a");
		Background<Void> producer = runInBackground(() -> queue.put("b")).awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(producer::get);
		assertThat(queue.take()).isEqualTo("a");
		assertThat(queue.poll(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void interruptedThreadDoesNotTake() throws Exception {
		SharedQueue<String> queue = queue();
		queue.put("x");
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(queue::take);
		assertThat(queue).containsExactly("x");
	}

	@Test
	void nonBlockingCallsWorkWhileTheInterruptStatusIsSet() {
		SharedQueue<String> queue = queue();
		Thread.currentThread().interrupt();
		try {
			assertThat(queue.offer("a")).isTrue();
			assertThat(queue.offer("b")).isTrue();
			assertThat(queue.poll()).isEqualTo("a");
			List<String> drained = new ArrayList<>();
			assertThat(queue.drainTo(drained)).isEqualTo(1);
			assertThat(drained).containsExactly("b");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void itemsFromManyProducersOfTwoProcessesAreEachTakenOnce() throws Exception {
		SharedQueue<Integer> queue = manager().queue(uniqueName(), 10);
		SharedQueue<Integer> peerQueue = peer().queue(uniqueName(), 10);
		List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
		inParallel(4, (thread) -> {
			SharedQueue<Integer> own = (thread % 2 == 0) ? queue : peerQueue;
			if (thread < 2) {
				for (int i = 0; i < 200; i++) {
					own.put(thread * 1000 + i);
				}
			}
			else {
				for (int i = 0; i < 200; i++) {
					taken.add(own.poll(LONG_SECONDS, TimeUnit.SECONDS));
				}
			}
		});
		assertThat(taken).doesNotContainNull().doesNotHaveDuplicates().hasSize(400);
		assertThat(queue).isEmpty();
	}

	@Test
	void joinableQueueCountsAnUnfinishedTaskPerItemPut() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		assertThat(queue.unfinishedTasks()).isZero();
		queue.put("a");
		queue.offer("b");
		peerJoinable().add("c");
		assertThat(queue.unfinishedTasks()).isEqualTo(3);
		queue.take();
		assertThat(queue.unfinishedTasks()).as("taking does not finish a task").isEqualTo(3);
		queue.taskDone();
		assertThat(peerJoinable().unfinishedTasks()).isEqualTo(2);
	}

	@Test
	void joinReturnsAtOnceWithoutUnfinishedTasks() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		queue.join();
		assertThat(queue.join(0, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void timedJoinReturnsFalseWhileTasksAreUnfinished() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		queue.put("a");
		long start = System.nanoTime();
		assertThat(queue.join(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		assertWaitedFor(start, SHORT);
		assertThat(queue.join(0, TimeUnit.SECONDS)).isFalse();
	}

	@Test
	void joinReturnsOnlyOnceEveryTaskIsDone() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		queue.put("a");
		queue.put("b");
		Background<Void> joiner = runInBackground(() -> queue.join()).awaitWaiting();
		SharedJoinableQueue<String> worker = peerJoinable();
		worker.take();
		worker.take();
		worker.taskDone();
		joiner.assertStillWaitingAfter(SHORT);
		worker.taskDone();
		joiner.get();
		assertThat(queue.unfinishedTasks()).isZero();
	}

	@Test
	void joinWakesEveryJoinerOfEveryProcess() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		queue.put("a");
		Background<Boolean> here = inBackground(() -> queue.join(LONG_SECONDS, TimeUnit.SECONDS)).awaitWaiting();
		Background<Boolean> there = inBackground(() -> peerJoinable().join(LONG_SECONDS, TimeUnit.SECONDS))
			.awaitWaiting();
		queue.take();
		queue.taskDone();
		assertThat(here.get()).isTrue();
		assertThat(there.get()).isTrue();
	}

	@Test
	void taskDoneMoreOftenThanItemsWerePutThrowsIllegalStateException() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(queue::taskDone)
			.withMessageContaining(uniqueName());
		queue.put("a");
		queue.take();
		queue.taskDone();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(peerJoinable()::taskDone);
		assertThat(queue.unfinishedTasks()).isZero();
	}

	@Test
	void interruptingAJoinerThrowsInterruptedException() throws Exception {
		SharedJoinableQueue<String> queue = joinable();
		queue.put("a");
		Background<Void> joiner = runInBackground(() -> queue.join()).awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(joiner::get);
		assertThat(queue.unfinishedTasks()).isEqualTo(1);
	}

}
