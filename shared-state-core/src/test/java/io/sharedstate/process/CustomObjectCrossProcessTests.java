package io.sharedstate.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.custom.TestTypes;
import io.sharedstate.custom.TestTypes.GetSetter;
import io.sharedstate.custom.TestTypes.Matrix;
import io.sharedstate.custom.TestTypes.Parent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001 across real JVMs: this JVM runs the manager server and registers the custom
 * types, child JVMs call methods on the shared objects through proxies.
 */
class CustomObjectCrossProcessTests {

	private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

	private static SharedState server;

	private static String address;

	@BeforeAll
	static void startServer() {
		server = SharedState.serve(ServerOptions.create(Children.AUTHKEY).withAllowedPackages("io.sharedstate"));
		TestTypes.registerAll(server);
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
	void valueAChildSetsOnAProxyItWasHandedIsReadByTheParent() throws Exception {
		GetSetter inst = server.proxy(TestTypes.GET_SETTER, "inst", GetSetter.class);

		ChildJvm.Result result = child(CustomChildMains.SetValueOfProxyArgument.class,
				CrossProcessTests.serialize(inst))
			.await(CHILD_TIMEOUT)
			.assertSuccess();

		assertThat(result.value("value")).isEqualTo("100");
		assertThat(inst.get()).isEqualTo(100);
	}

	@Test
	void valueAChildSetsOnANestedChildObjectIsReadByTheParent() {
		Parent inst2 = server.proxy(TestTypes.PARENT, "inst2", Parent.class);

		child(CustomChildMains.SetParentAndChild.class, address, "inst2").await(CHILD_TIMEOUT).assertSuccess();

		assertThat(inst2.get()).isEqualTo(100);
		assertThat(inst2.child().get()).isEqualTo(100);
	}

	@Test
	void everyCellOfAMatrixSetByTasksSpreadOverChildProcessesHoldsItsOwnValue() {
		Matrix matrix = server.proxy(TestTypes.MATRIX, "matrix", Matrix.class);
		int workers = 4;

		List<ChildJvm> children = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			children.add(child(CustomChildMains.MatrixWorker.class, address, "matrix", Integer.toString(i),
					Integer.toString(workers)));
		}
		for (ChildJvm child : children) {
			assertThat(child.await(CHILD_TIMEOUT).assertSuccess().value("done")).isEqualTo("25");
		}

		for (int p = 0; p < 10; p++) {
			for (int q = 0; q < 10; q++) {
				assertThat(matrix.get(p, q)).as("cell (%d, %d)", p, q).isEqualTo(10 * p + q);
			}
		}
	}

}
