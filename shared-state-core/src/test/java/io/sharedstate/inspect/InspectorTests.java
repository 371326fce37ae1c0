package io.sharedstate.inspect;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorTests {

	@Test
	void clientSeesObjectsTheirStateAndTheConnectedClients() {
		try (SharedState server = SharedState.serve(ServerOptions.create("k"));
				SharedState client = SharedState
					.connect(ClientOptions.create(server.address(), "k").withClientName("worker-1"))) {
			client.<String, Integer>dict("orders").put("a", 1);
			client.<String>queue("jobs", 10).offer("j1");
			client.lock("guard").lock();
			client.counter("hits").addAndGet(3);

			List<ObjectInfo> objects = client.inspector().objects();
			assertThat(objects).extracting(ObjectInfo::name).containsExactly("guard", "hits", "jobs", "orders");
			ObjectInfo guard = objects.get(0);
			assertThat(guard.type()).isEqualTo("lock");
			assertThat(guard.state()).containsEntry("locked", true)
				.containsEntry("thread", Thread.currentThread().getName())
				.containsKey("since");
			assertThat((String) guard.state().get("holder")).contains("worker-1")
				.contains("pid " + ProcessHandle.current().pid());
			assertThat(objects.get(3).state()).isEqualTo(Map.of("size", 1));
			assertThat(objects.get(3).preview()).isEmpty();

			assertThat(client.inspector().object("orders", 5).orElseThrow().preview()).containsExactly("a=1");
			assertThat(client.inspector().object("missing", 5)).isEmpty();
			assertThat(server.inspector().clients()).singleElement()
				.satisfies((info) -> assertThat(info.name()).isEqualTo("worker-1"));
			assertThat(client.inspector().clients()).hasSize(1);
			assertThat(SharedState.inProcess().inspector().clients()).isEmpty();
		}
	}

}
