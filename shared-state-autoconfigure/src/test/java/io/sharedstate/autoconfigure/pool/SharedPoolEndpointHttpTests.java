package io.sharedstate.autoconfigure.pool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.sharedstate.pool.SharedPool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool declared by properties in a web application, read at
 * {@code /actuator/sharedstate} and {@code /actuator/metrics} over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shared-state.pools.reports.processes=1",
				"shared-state.pools.reports.jvm-options=-Xmx64m,-XX:TieredStopAtLevel=1",
				"shared-state.pools.reports.worker-output=target/pool-workers.log",
				"management.endpoints.web.exposure.include=sharedstate,metrics" })
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class SharedPoolEndpointHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SharedPool reports;

	@Test
	void endpointShowsThePoolsWorkersAndItsTaskMetrics() throws Exception {
		assertThat(this.reports.awaitWorkers(1, Duration.ofSeconds(90))).isTrue();
		long worker = this.reports.apply(() -> ProcessHandle.current().pid());

		String body = get("/actuator/sharedstate");
		assertThat(JsonPath.<List<String>>read(body, "$.pools[*].name")).containsExactly("reports");
		assertThat(JsonPath.<String>read(body, "$.pools[0].state")).isEqualTo("running");
		assertThat(JsonPath.<List<Number>>read(body, "$.pools[0].workers[*].pid")).singleElement()
			.satisfies((pid) -> assertThat(pid.longValue()).isEqualTo(worker));
		assertThat(JsonPath.<Integer>read(body, "$.pools[0].workers[0].tasksRun")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(body, "$.pools[0].queued")).isZero();
		assertThat(JsonPath.<Integer>read(body, "$.pools[0].running")).isZero();

		String tasks = get("/actuator/metrics/sharedstate.pool.tasks?tag=pool:reports");
		assertThat(JsonPath.<List<Double>>read(tasks, "$.measurements[?(@.statistic == 'COUNT')].value"))
			.containsExactly(1.0);
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
