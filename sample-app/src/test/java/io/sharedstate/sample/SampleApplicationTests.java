package io.sharedstate.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo runs its workers in real child JVMs, then shows the shared objects they used
 * at {@code /actuator/sharedstate}, read here over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.tasks=12")
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@Test
	void workersSharedTheirResultsAndTheEndpointShowsEveryObject() throws Exception {
		String body = get("/actuator/sharedstate");
		assertThat(body).as("previews only for one object; nothing null").doesNotContain("\"preview\"", "null");
		assertThat(JsonPath.<String>read(body, "$.mode")).isEqualTo("server");
		assertThat(JsonPath.<List<String>>read(body, "$.objects[*].name")).contains("board", "events", "results",
				"start", "tally", "tallyLock", "work");
		assertThat(JsonPath.<List<Integer>>read(body, "$.objects[?(@.name == 'results')].state.size"))
			.containsExactly(12);
		assertThat(JsonPath.<List<Integer>>read(body, "$.objects[?(@.name == 'events')].state.size"))
			.containsExactly(12);
		assertThat(JsonPath.<List<Boolean>>read(body, "$.objects[?(@.name == 'tallyLock')].state.locked"))
			.containsExactly(false);
		assertThat(JsonPath.<List<Integer>>read(body, "$.objects[?(@.name == 'start')].state.parties"))
			.containsExactly(2);

		String tally = get("/actuator/sharedstate/tally");
		assertThat(JsonPath.<List<String>>read(tally, "$.preview")).containsExactly("count=12");
		assertThat(JsonPath.<String>read(get("/actuator/health"), "$.components.sharedstate.status")).isEqualTo("UP");
	}

}
