package io.sharedstate.autoconfigure.crossprocess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.example.orders.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sharedstate.SharedState;
import io.sharedstate.client.ClientOptions;
import io.sharedstate.process.ChildJvm;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of docs/spring.md run as its users run it: the application that hosts the
 * objects and the one that uses them, each in its own JVM with its own classpath and the
 * properties the document shows. The server has the shared model ({@link Order}, which
 * the document says both need) but none of the client application's classes.
 */
class SpringDocExampleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final Map<String, String> SECRET = Map.of("SHARED_SECRET", "docs-example-secret");

	@Test
	void clientApplicationMergesOrdersOnAServerApplicationWithoutItsClasses(@TempDir Path server,
			@TempDir Path client) {
		String serverClasspath = ApplicationClasspath.of(server, "docs-example/stateserver", "com.example.orders",
				"com.example.stateserver");
		String clientClasspath = ApplicationClasspath.of(client, "docs-example/billing", "com.example.orders",
				"com.example.billing");
		try (ChildJvm serverApplication = ChildJvm.start(serverClasspath,
				"com.example.stateserver.StateServerApplication", SECRET, "--shared-state.address=127.0.0.1:0",
				"--spring.main.banner-mode=off", "--spring.main.web-application-type=none")) {
			String address = serverApplication.awaitLine("SERVING ", TIMEOUT).substring("SERVING ".length());
			try (ChildJvm clientApplication = ChildJvm.start(clientClasspath, "com.example.billing.BillingApplication",
					SECRET, "--shared-state.address=" + address, "--spring.main.banner-mode=off",
					"--spring.main.web-application-type=none")) {
				ChildJvm.Result result = clientApplication.await(TIMEOUT).assertSuccess();
				assertThat(result.stdout()).contains("CANCELLED Order[id=B-7, quantity=1]", "PLACED");
			}
			try (SharedState manager = SharedState
				.connect(ClientOptions.create(Children.address(address), SECRET.get("SHARED_SECRET"))
					.withAllowedPackages("com.example.orders"))) {
				assertThat(manager.<String, Order>dict("orders"))
					.containsExactly(Map.entry("A-1", new Order("A-1", 5)));
				assertThat(manager.<Order>queue("outbox", 100)).hasSize(3);
			}
		}
	}

}
