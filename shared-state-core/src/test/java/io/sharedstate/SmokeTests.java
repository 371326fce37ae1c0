package io.sharedstate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.server.ServerOptions;

class SmokeTests {

	record Order(String id, int quantity) {
	}

	@Test
	void clientSeesServerObjects() throws Exception {
		try (SharedState server = SharedState
			.serve(ServerOptions.create("secret").withAllowedPackages("io.sharedstate"));
				SharedState client = SharedState
					.connect(ClientOptions.create(server.address(), "secret").withAllowedPackages("io.sharedstate"))) {
			SharedDict<String, Object> dict = client.dict("d");
			dict.put("a", 1L);
			assertThat(server.dict("d").get("a")).isEqualTo(1L);
			SharedDict<String, Long> counts = client.dict("counts");
			for (int i = 0; i < 100; i++) {
				counts.merge("n", 1L, Long::sum);
			}
			assertThat(counts.get("n")).isEqualTo(100L);
			dict.put("order", new Order("x", 3));
			assertThat(dict.get("order")).isEqualTo(new Order("x", 3));
			dict.put("plain", new ArrayList<>(List.of(1, 2)));
			Object plain = dict.get("plain");
			assertThat(plain).isEqualTo(List.of(1, 2));
			assertThatThrownBy(() -> ((List<Object>) plain).add(3)).hasMessageContaining("lost");
			SharedList<Integer> list = client.list("l");
			dict.put("items", list);
			SharedList<Integer> back = (SharedList<Integer>) dict.get("items");
			back.add(4);
			assertThat(server.list("l")).containsExactly(4);
			assertThat(dict.getAsync("a").get()).isEqualTo(1L);
			assertThat(dict.snapshot()).containsKeys("a", "order");
			assertThatThrownBy(() -> client.list("d")).isInstanceOf(SharedTypeMismatchException.class)
				.hasMessageContaining("dict");
			Map<String, Object> s = dict.snapshot();
			assertThat(s).hasSize(4);
		}
	}

}
