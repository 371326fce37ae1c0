package io.sharedstate.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.event.SharedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link SharedEvent}: Python's {@code Event} across threads and
 * processes, on every engine.
 */
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public abstract class SharedEventContract extends ContractSupport {

	private static final Duration SHORT = Duration.ofMillis(200);

	private static final long LONG_SECONDS = 20;

	private SharedEvent event() {
		return manager().event(uniqueName());
	}

	private SharedEvent peerEvent() {
		return peer().event(uniqueName());
	}

	private Background<Boolean> waiter(SharedEvent event) {
		return inBackground(() -> event.await(LONG_SECONDS, TimeUnit.SECONDS));
	}

	@Test
	void knowsItsNameAndType() {
		assertThat(event().name()).isEqualTo(uniqueName());
		assertThat(event().type()).isEqualTo(SharedType.EVENT);
	}

	@Test
	void nameOfAnotherTypeIsRefused() {
		event();
		assertThatExceptionOfType(SharedTypeMismatchException.class).isThrownBy(() -> manager().lock(uniqueName()));
	}

	@Test
	void newEventIsNotSet() {
		assertThat(event().isSet()).isFalse();
	}

	@Test
	void setAndClearChangeTheFlagForEveryProcess() {
		SharedEvent event = event();
		event.set();
		assertThat(event.isSet()).isTrue();
		assertThat(peerEvent().isSet()).isTrue();
		event.set();
		assertThat(event.isSet()).as("setting twice keeps it set").isTrue();
		peerEvent().clear();
		assertThat(event.isSet()).isFalse();
		event.clear();
		assertThat(event.isSet()).isFalse();
	}

	@Test
	void awaitTimesOutWithFalseWhileTheFlagIsClear() throws Exception {
		SharedEvent event = event();
		long start = System.nanoTime();
		assertThat(event.await(SHORT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		assertWaitedFor(start, SHORT);
	}

	@Test
	void awaitWithZeroTimeoutOnlyLooks() throws Exception {
		SharedEvent event = event();
		assertThat(event.await(0, TimeUnit.SECONDS)).isFalse();
		event.set();
		assertThat(event.await(0, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void awaitReturnsAtOnceWhileTheFlagIsSet() throws Exception {
		SharedEvent event = event();
		event.set();
		event.await();
		assertThat(event.await(LONG_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(peerEvent().await(LONG_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void setWakesEveryWaiterOfEveryProcess() throws Exception {
		List<Background<Boolean>> waiters = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			waiters.add(waiter((i % 2 == 0) ? event() : peerEvent()).awaitWaiting());
		}
		waiters.add(inBackground(() -> {
			event().await();
			return true;
		}).awaitWaiting());
		peerEvent().set();
		for (Background<Boolean> waiter : waiters) {
			assertThat(waiter.get()).isTrue();
		}
	}

	@Test
	void waitersWaitUntilTheFlagIsSet() throws Exception {
		Background<Boolean> waiter = waiter(event()).awaitWaiting();
		waiter.assertStillWaitingAfter(SHORT);
		event().set();
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void waitAfterClearWaitsAgain() throws Exception {
		SharedEvent event = event();
		event.set();
		event.clear();
		Background<Boolean> waiter = waiter(event).awaitWaiting();
		waiter.assertStillWaitingAfter(SHORT);
		event.set();
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void setThenClearAtOnceStillWakesTheWaiters() throws Exception {
		SharedEvent event = event();
		Background<Boolean> waiter = waiter(event).awaitWaiting();
		event.set();
		event.clear();
		assertThat(waiter.get()).isTrue();
	}

	@Test
	void interruptingAWaiterThrowsInterruptedException() throws Exception {
		SharedEvent event = event();
		Background<Boolean> waiter = waiter(event).awaitWaiting().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(waiter::get);
		Background<Boolean> next = waiter(event).awaitWaiting();
		event.set();
		assertThat(next.get()).isTrue();
	}

}
