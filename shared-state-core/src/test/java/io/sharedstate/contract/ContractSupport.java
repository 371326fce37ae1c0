package io.sharedstate.contract;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import io.sharedstate.SharedState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every contract of a shared type needs: the managers of the engine under test and a
 * fresh object name per test. An engine runs a contract by subclassing it with a
 * {@link ManagerFixture}.
 */
public abstract class ContractSupport {

	private static final AtomicLong sequence = new AtomicLong();

	/** How much later than its timeout a timed wait may end on a slow machine. */
	private static final Duration TIMEOUT_SLACK = Duration.ofSeconds(2);

	private final List<Background<?>> backgroundCalls = new CopyOnWriteArrayList<>();

	private String name;

	/**
	 * Returns the manager of the engine under test.
	 * @return the manager, started once per test class
	 */
	protected abstract SharedState manager();

	/**
	 * Returns another manager of the same objects, as another process would see them.
	 * @return the peer; the same manager by default
	 */
	protected SharedState peer() {
		return manager();
	}

	/**
	 * Returns the manager that hosts the objects, where custom types are registered.
	 * @return the host; the manager under test by default
	 */
	protected SharedState host() {
		return manager();
	}

	@BeforeEach
	void nameThisTest(TestInfo test) {
		this.name = getClass().getSimpleName() + "." + test.getTestMethod().map(Method::getName).orElse("test") + "."
				+ sequence.incrementAndGet();
	}

	@AfterEach
	void interruptLeftoverBackgroundCalls() {
		this.backgroundCalls.stream().filter((call) -> !call.isDone()).forEach(Background::interrupt);
		this.backgroundCalls.clear();
	}

	/**
	 * Starts a call on a thread of its own; one still running after the test is
	 * interrupted.
	 * @param <T> the result type
	 * @param call the call
	 * @return the running call
	 */
	protected <T> Background<T> inBackground(Callable<T> call) {
		Background<T> background = Background.start(uniqueName() + "-" + this.backgroundCalls.size(), call);
		this.backgroundCalls.add(background);
		return background;
	}

	/**
	 * Starts a task without a result on a thread of its own; one still running after the
	 * test is interrupted.
	 * @param task the task
	 * @return the running task
	 */
	protected Background<Void> runInBackground(ThrowingTask task) {
		return inBackground(() -> {
			task.run();
			return null;
		});
	}

	/**
	 * Asserts that a timed wait started at {@code startNanos} lasted its timeout, and not
	 * much longer.
	 * @param startNanos {@link System#nanoTime()} before the wait
	 * @param timeout the wait's timeout
	 */
	protected static void assertWaitedFor(long startNanos, Duration timeout) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
		assertThat(elapsed).as("time waited").isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plus(TIMEOUT_SLACK));
	}

	/**
	 * Returns a name no other test uses.
	 * @return the name of this test's object
	 */
	protected String uniqueName() {
		return this.name;
	}

	/**
	 * Runs a task on several threads at once and waits for all of them.
	 * @param threads how many threads
	 * @param task what each thread runs, given its number
	 * @throws Exception the first failure of a task
	 */
	protected static void inParallel(int threads, ThreadTask task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int thread = i;
				futures.add(executor.submit(() -> {
					start.await();
					task.run(thread);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * A task without a result that may throw, run in the background.
	 */
	@FunctionalInterface
	protected interface ThrowingTask {

		/**
		 * Runs the task.
		 * @throws Exception any failure
		 */
		void run() throws Exception;

	}

	/**
	 * A task run on one of several threads.
	 */
	@FunctionalInterface
	protected interface ThreadTask {

		/**
		 * Runs the task.
		 * @param thread the thread's number, from zero
		 * @throws Exception any failure
		 */
		void run(int thread) throws Exception;

	}

}
