package io.sharedstate.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpoint.ManagerDescriptor;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpoint.ClientDescriptor;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpoint.ObjectDescriptor;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedStateEndpointAutoConfiguration} and {@link SharedStateEndpoint}.
 */
class SharedStateEndpointAutoConfigurationTests {

	/** A mapper with Jackson's defaults, which show nulls and empty lists. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SharedStateAutoConfiguration.class, SharedStateEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=sharedstate");

	@Test
	void runWhenExposedShouldHaveEndpointBean() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SharedStateEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoint.sharedstate.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateEndpoint.class));
	}

	@Test
	void runWithoutActuatorShouldNotHaveEndpointBean() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(SharedState.class)
				.doesNotHaveBean(SharedStateEndpoint.class));
	}

	@Test
	void runWithoutManagerShouldNotHaveEndpointBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SharedStateEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=sharedstate")
			.run((context) -> assertThat(context).doesNotHaveBean(SharedStateEndpoint.class));
	}

	@Test
	void managerShouldListTheObjectsWithTheirState() {
		this.contextRunner.run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			manager.dict("greetings").putAll(Map.of("en", "hello", "fr", "bonjour"));
			SharedLock orders = manager.lock("orders");
			orders.lock();
			try {
				ManagerDescriptor descriptor = context.getBean(SharedStateEndpoint.class).manager();
				assertThat(descriptor.mode()).isEqualTo("embedded");
				assertThat(descriptor.connected()).isTrue();
				assertThat(descriptor.objects()).extracting(ObjectDescriptor::name).containsOnly("greetings", "orders");
				assertThat(object(descriptor, "greetings").type()).isEqualTo("dict");
				assertThat(object(descriptor, "greetings").state()).containsEntry("size", 2);
				assertThat(object(descriptor, "orders").state()).containsEntry("locked", true)
					.containsEntry("waiting", 0);
				assertThat(descriptor.objects()).allSatisfy((object) -> assertThat(object.preview()).isEmpty());
			}
			finally {
				orders.unlock();
			}
		});
	}

	@Test
	void managerInServerModeShouldShowTheAddressAndTheConnectedClients() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				ClientOptions options = ClientOptions.create(manager.address(), TestServers.AUTHKEY)
					.withClientName("worker");
				try (SharedState client = SharedState.connect(options)) {
					ManagerDescriptor descriptor = context.getBean(SharedStateEndpoint.class).manager();
					assertThat(descriptor.mode()).isEqualTo("server");
					assertThat(descriptor.address()).isEqualTo(Children.hostPort(manager.address()));
					assertThat(descriptor.clients()).extracting(ClientDescriptor::name).containsExactly("worker");
					assertThat(descriptor.clients()).extracting(ClientDescriptor::pid)
						.containsExactly(ProcessHandle.current().pid());
				}
			});
	}

	@Test
	void managerInClientModeShouldShowTheServersObjects() {
		try (SharedState server = TestServers.start()) {
			server.counter("visits").incrementAndGet();
			this.contextRunner.withPropertyValues(TestServers.clientOf(server)).run((context) -> {
				ManagerDescriptor descriptor = context.getBean(SharedStateEndpoint.class).manager();
				assertThat(descriptor.mode()).isEqualTo("client");
				assertThat(descriptor.address()).isEqualTo(Children.hostPort(server.address()));
				assertThat(object(descriptor, "visits").type()).isEqualTo("counter");
				assertThat(descriptor.clients()).hasSize(1);
			});
		}
	}

	@Test
	void managerInClientModeWhileTheServerIsDownShouldShowNotConnected() {
		this.contextRunner
			.withPropertyValues("shared-state.mode=client", "shared-state.address=127.0.0.1:" + TestServers.freePort(),
					"shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				ManagerDescriptor descriptor = context.getBean(SharedStateEndpoint.class).manager();
				assertThat(descriptor.connected()).isFalse();
				assertThat(descriptor.objects()).isEmpty();
			});
	}

	@Test
	void objectShouldShowStateWithoutPreviewByDefault() {
		this.contextRunner.run((context) -> {
			context.getBean(SharedState.class).list("secrets").add("s3cr3t");
			ObjectDescriptor object = context.getBean(SharedStateEndpoint.class).object("secrets");
			assertThat(object.type()).isEqualTo("list");
			assertThat(object.state()).containsEntry("size", 1);
			assertThat(object.preview()).isEmpty();
		});
	}

	@Test
	void objectWhenPreviewEnabledShouldShowABoundedPreview() {
		this.contextRunner
			.withPropertyValues("shared-state.endpoint.preview-enabled=true", "shared-state.endpoint.preview-limit=2")
			.run((context) -> {
				context.getBean(SharedState.class).list("names").addAll(List.of("ada", "bob", "cy"));
				ObjectDescriptor object = context.getBean(SharedStateEndpoint.class).object("names");
				assertThat(object.preview()).hasSize(2).anySatisfy((line) -> assertThat(line).contains("ada"));
			});
	}

	@Test
	void managerAsJsonShouldLeaveOutWhatHasNothingToSay() {
		this.contextRunner.run((context) -> {
			SharedState manager = context.getBean(SharedState.class);
			manager.list("names").add("ada");
			manager.lock("orders");
			String json = JSON.writeValueAsString(context.getBean(SharedStateEndpoint.class).manager());
			assertThat(json).isEqualTo("{\"mode\":\"embedded\",\"connected\":true,\"objects\":["
					+ "{\"name\":\"names\",\"type\":\"list\",\"state\":{\"size\":1}},"
					+ "{\"name\":\"orders\",\"type\":\"lock\",\"state\":{\"locked\":false,\"waiting\":0}}],"
					+ "\"clients\":[]}");
		});
	}

	@Test
	void unnamedClientAsJsonShouldHaveNoName() {
		this.contextRunner.withPropertyValues("shared-state.mode=server", "shared-state.authkey=" + TestServers.AUTHKEY)
			.run((context) -> {
				SharedState manager = context.getBean(SharedState.class);
				try (SharedState client = SharedState.connect(manager.address(), TestServers.AUTHKEY)) {
					String json = JSON.writeValueAsString(context.getBean(SharedStateEndpoint.class).manager());
					assertThat(json).contains("\"clients\":[{\"id\":").doesNotContain("\"name\":null");
				}
			});
	}

	@Test
	void objectWithPreviewAsJsonShouldShowIt() {
		this.contextRunner.withPropertyValues("shared-state.endpoint.preview-enabled=true").run((context) -> {
			context.getBean(SharedState.class).list("names").add("ada");
			String json = JSON.writeValueAsString(context.getBean(SharedStateEndpoint.class).object("names"));
			assertThat(json)
				.isEqualTo("{\"name\":\"names\",\"type\":\"list\",\"state\":{\"size\":1},\"preview\":[\"ada\"]}");
		});
	}

	@Test
	void objectWithUnknownNameShouldBeNull() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(SharedStateEndpoint.class).object("missing")).isNull());
	}

	private static ObjectDescriptor object(ManagerDescriptor descriptor, String name) {
		return descriptor.objects()
			.stream()
			.filter((object) -> object.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No object '" + name + "' in " + descriptor.objects()));
	}

}
