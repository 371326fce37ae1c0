package io.sharedstate.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' scenarios across real JVMs: this JVM runs the manager server, children
 * connect to it over loopback.
 */
class CrossProcessTests {

	private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

	private static SharedState server;

	private static String address;

	@BeforeAll
	static void startServer() {
		server = SharedState.serve(ServerOptions.create(Children.AUTHKEY).withAllowedPackages("io.sharedstate"));
		address = Children.hostPort(server.address());
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static ChildJvm child(Class<?> main, String... args) {
		return ChildJvm.start(main, Map.of("SHARED_STATE_AUTHKEY", Children.AUTHKEY), args);
	}

	@Test
	void childUpdatesToDictListAndNamespaceAreSeenByTheParent() {
		ChildJvm.Result result = child(ChildMains.UpdateObjects.class, address).await(CHILD_TIMEOUT).assertSuccess();
		long pid = Long.parseLong(result.value("pid"));
		assertThat(server.<String, Long>dict("results").get("child")).isEqualTo(pid);
		assertThat(server.<String>list("log")).containsExactly("written by " + pid);
		assertThat(server.namespace("status").<String>get("phase")).isEqualTo("done");
	}

	@Test
	void sharedListNestedInADictIsLiveAcrossProcessesWhileAPlainNestedListRefusesChanges() {
		SharedDict<String, Object> nested = server.dict("nested");
		SharedList<String> items = server.list("nested-items");
		items.add("appended by parent");
		nested.put("items", items);
		nested.put("plain", new ArrayList<>(List.of("a", "b")));

		ChildJvm.Result result = child(ChildMains.AppendNested.class, address).await(CHILD_TIMEOUT).assertSuccess();

		assertThat(items).containsExactly("appended by parent", "appended by child");
		assertThat(result.value("refused")).contains("would be lost")
			.contains("manager.list(name)")
			.contains("compute or merge");
		assertThat(nested.get("plain")).isEqualTo(List.of("a", "b"));
	}

	@Test
	void concurrentMergeIncrementsFromTwoProcessesAreExact() {
		ChildJvm first = child(ChildMains.MergeIncrements.class, address, "10000");
		ChildJvm second = child(ChildMains.MergeIncrements.class, address, "10000");
		first.await(CHILD_TIMEOUT).assertSuccess();
		second.await(CHILD_TIMEOUT).assertSuccess();
		assertThat(server.<String, Long>dict("counts").get("hits")).isEqualTo(20_000L);
	}

	@Test
	void tenTasksSpreadOverTwoWorkerProcessesAllRecordTheirPid() {
		ChildJvm first = child(ChildMains.PoolWorker.class, address, "10");
		ChildJvm second = child(ChildMains.PoolWorker.class, address, "10");
		int doneByFirst = Integer.parseInt(first.await(CHILD_TIMEOUT).assertSuccess().value("done"));
		int doneBySecond = Integer.parseInt(second.await(CHILD_TIMEOUT).assertSuccess().value("done"));

		Map<Integer, Long> pids = server.<Integer, Long>dict("task-pids").snapshot();
		assertThat(pids).hasSize(10).containsKeys(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(doneByFirst + doneBySecond).isEqualTo(10);
		assertThat(pids.values().stream().collect(Collectors.toSet())).isSubsetOf(first.pid(), second.pid());
		assertThat(pids.values()).filteredOn((pid) -> pid == first.pid()).hasSize(doneByFirst);
	}

	@Test
	void proxyPassedToAChildAsAnArgumentReconnectsThere() throws IOException {
		SharedDict<String, Long> dict = server.dict("passed");
		dict.put("from-parent", ProcessHandle.current().pid());

		ChildJvm child = child(ChildMains.UseProxyArgument.class, serialize(dict));
		ChildJvm.Result result = child.await(CHILD_TIMEOUT).assertSuccess();

		assertThat(result.value("size")).isEqualTo("2");
		assertThat(dict.get("from-child")).isEqualTo(child.pid());
	}

	static String serialize(Object object) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

}
