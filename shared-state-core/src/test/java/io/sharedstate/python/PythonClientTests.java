package io.sharedstate.python;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sharedstate.SharedState;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.snapshot.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock Python clients (python3, standard library only) against a manager server that
 * accepts them, sharing objects with Java processes.
 */
@Timeout(120)
class PythonClientTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static SharedState server;

	@BeforeAll
	static void serve() {
		server = SharedState.serve(ServerOptions.create(Children.AUTHKEY)
			.withPythonAddress(new InetSocketAddress("127.0.0.1", 0))
			.withSessionGracePeriod(Duration.ofMillis(300)));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static ChildJvm python(String script, String... args) {
		String[] all = new String[args.length + 3];
		all[0] = server.pythonAddress().getHostString();
		all[1] = String.valueOf(server.pythonAddress().getPort());
		all[2] = Children.AUTHKEY;
		System.arraycopy(args, 0, all, 3, args.length);
		return Python.start(script, all);
	}

	@Test
	@SuppressWarnings("unchecked")
	void pythonAndJavaShareANamedDictListAndQueue() {
		SharedDict<String, Object> orders = server.dict("orders");
		orders.put("java-1", List.of("book", 2));
		orders.put("java-date", LocalDate.of(2024, 1, 31));
		SharedList<String> log = server.list("log");
		log.add("from java");
		SharedQueue<Object> tasks = server.queue("tasks", 0);
		tasks.add(Tuple.of("java-task", 1L));
		try (ChildJvm python = python("share_with_java.py")) {
			ChildJvm.Result result = python.await(WAIT);
			assertThat(result.exitCode()).as(result.stderr()).isZero();
			assertThat(result.value("java order")).isEqualTo("['book', 2]");
			assertThat(result.value("log")).isEqualTo("['from java', 'from python']");
			assertThat(result.value("task")).isEqualTo("('java-task', 1)");
			assertThat(result.value("nothing")).isEqualTo("None");
			assertThat(result.value("java date"))
				.startsWith("TypeError: a value of Java class java.time.LocalDate has no Python counterpart");
			assertThat(result.value("bytearray")).startsWith("UnpicklingError: A bytearray cannot be shared");
		}
		Map<String, Object> order = (Map<String, Object>) orders.get("python-1");
		assertThat(order).containsEntry("item", "pen")
			.containsEntry("qty", 3L)
			.containsEntry("tags", List.of("a", "b"))
			.containsEntry("price", 1.25)
			.containsEntry("big", BigInteger.TWO.pow(70))
			.containsEntry("none", null)
			.containsEntry("set", Set.of(1L, 2L));
		assertThat(order.get("tags")).isInstanceOf(Tuple.class);
		assertThat(orders.get("nothing")).as("None where Java refuses null").isEqualTo(Optional.empty());
		assertThat((byte[]) order.get("raw")).containsExactly(0, 1);
		assertThat(log).containsExactly("from java", "from python");
		assertThat(tasks.poll()).isEqualTo(List.of("python-task", 7L));
		try (SharedState client = SharedState.connect(ClientOptions.create(server.address(), Children.AUTHKEY))) {
			Map<String, Object> remote = (Map<String, Object>) client.dict("orders").get("python-1");
			assertThat(remote.get("tags")).isInstanceOf(Tuple.class).isEqualTo(List.of("a", "b"));
		}
	}

	@Test
	void pythonAndJavaWorkersContendOnOneLockWithAnExactCount() {
		server.<String, Long>dict("counter").put("count", 0L);
		int each = 1000;
		try (ChildJvm python = python("lock_worker.py", String.valueOf(each));
				ChildJvm java = ChildJvm.start(JavaLockWorker.class, Map.of(), Children.hostPort(server.address()),
						String.valueOf(each))) {
			python.awaitLine("READY", WAIT);
			java.awaitLine("READY", WAIT);
			server.event("start").set();
			assertThat(python.await(WAIT).exitCode()).isZero();
			assertThat(java.await(WAIT).exitCode()).isZero();
		}
		assertThat(server.<String, Long>dict("counter").get("count")).isEqualTo(2L * each);
	}

	@Test
	void objectsAPythonClientCreatesAreInspectableAndGoWithTheirLastReference() {
		try (ChildJvm python = python("hold_objects.py")) {
			python.awaitLine("READY", WAIT);
			List<String> created = pythonObjects();
			assertThat(created).anyMatch((name) -> name.startsWith("python-dict-"))
				.anyMatch((name) -> name.startsWith("python-list-"));
			assertThat(server.inspector().clients()).extracting(ClientInfo::name).contains("python:MainProcess");
			server.event("release-objects").set();
			python.awaitLine("RELEASED", WAIT);
			Python.awaitCondition(() -> pythonObjects().stream().noneMatch((name) -> name.startsWith("python-dict-")));
			assertThat(pythonObjects()).as("a list stored in a dict stays, as in Python's manager")
				.anyMatch((name) -> name.startsWith("python-list-"));
			assertThat(python.await(WAIT).exitCode()).isZero();
		}
		Python.awaitCondition(
				() -> server.inspector().clients().stream().noneMatch((client) -> client.name().startsWith("python:")));
	}

	private static List<String> pythonObjects() {
		return server.inspector()
			.objects()
			.stream()
			.map(ObjectInfo::name)
			.filter((name) -> name.startsWith("python-"))
			.toList();
	}

	@Test
	void lockOfAKilledPythonHolderIsReleased() throws InterruptedException {
		SharedLock lock = server.lock("held-by-python");
		try (ChildJvm python = python("hold_lock.py", "held-by-python")) {
			python.awaitLine("HELD", WAIT);
			assertThat(lock.tryLock()).isFalse();
			python.kill();
			assertThat(lock.tryLock(30, TimeUnit.SECONDS)).isTrue();
			lock.unlock();
		}
	}

	@Test
	void nextHolderAfterAKilledPythonHolderIsToldTheHolderDiedAfterTheGracePeriod() throws InterruptedException {
		SharedLock lock = server.lock("held-by-dying-python");
		try (ChildJvm python = python("hold_lock.py", "held-by-dying-python")) {
			python.awaitLine("HELD", WAIT);
			python.kill();
			long start = System.nanoTime();
			assertThat(lock.tryLock(30, TimeUnit.SECONDS)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(lock.holderDied()).isTrue();
			lock.unlock();
		}
	}

	@Test
	void pythonClientKilledWhileWaitingForAnItemTakesNone() {
		SharedQueue<Object> queue = server.queue("waited-on", 0);
		try (ChildJvm python = python("wait_for_item.py", "waited-on")) {
			python.awaitLine("WAITING", WAIT);
			Python.awaitCondition(() -> waitingTakers("waited-on") == 1);
			python.kill();
			Python.awaitCondition(() -> waitingTakers("waited-on") == 0);
			queue.add("for someone alive");
			assertThat(queue.poll()).isEqualTo("for someone alive");
		}
	}

	private static int waitingTakers(String queue) {
		return ((Number) server.inspector().object(queue, 0).orElseThrow().state().get("waitingTakers")).intValue();
	}

	@Test
	void wrongAuthkeyIsRefused() {
		ChildJvm.Result result = python("wrong_key.py").await(WAIT);
		assertThat(result.value("outcome")).isEqualTo("AuthenticationError");
	}

	@Test
	void pickleNamingACommandIsRefusedWithoutRunningIt(@TempDir Path directory) {
		Path marker = directory.resolve("unpickling-ran-a-command");
		ChildJvm.Result result = python("refused_pickle.py", marker.toString()).await(WAIT);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.value("setitem"))
			.startsWith("UnpicklingError: shared-state refuses to unpickle posix.system");
		assertThat(result.value("create")).startsWith("UnpicklingError: shared-state refuses to unpickle posix.system");
		assertThat(result.value("afterwards")).isEqualTo("1");
		assertThat(marker).doesNotExist();
		assertThat(server.<String, Object>dict("evil")).doesNotContainKey("x");
	}

	@Test
	void clientSendingGarbageIsDisconnectedWhileOthersCarryOn() {
		ChildJvm.Result result = python("garbage.py").await(WAIT);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.value("unauthenticated garbage closed")).isEqualTo("True");
		assertThat(result.value("authenticated garbage closed")).isEqualTo("True");
		assertThat(result.value("oversized closed")).isEqualTo("True");
		assertThat(result.value("others carry on")).isEqualTo("[('after', 2), ('before', 1)]");
	}

}
