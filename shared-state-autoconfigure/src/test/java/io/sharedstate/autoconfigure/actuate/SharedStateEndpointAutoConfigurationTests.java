package io.sharedstate.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.TestServers;
import io.sharedstate.autoconfigure.actuate.SharedStateEndpoint.ManagerDescriptor;
import io.sharedstate.inspect.ClientInfo;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.process.Children;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedStateEndpointAutoConfiguration} and {@link SharedStateEndpoint}.
 */
class SharedStateEndpointAutoConfigurationTests {

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
				assertThat(descriptor.objects()).extracting(ObjectInfo::name).containsOnly("greetings", "orders");
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
					assertThat(descriptor.clients()).extracting(ClientInfo::name).containsExactly("worker");
					assertThat(descriptor.clients()).extracting(ClientInfo::pid)
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
			ObjectInfo object = context.getBean(SharedStateEndpoint.class).object("secrets");
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
				ObjectInfo object = context.getBean(SharedStateEndpoint.class).object("names");
				assertThat(object.preview()).hasSize(2).anySatisfy((line) -> assertThat(line).contains("ada"));
			});
	}

	@Test
	void objectWithUnknownNameShouldBeNull() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(SharedStateEndpoint.class).object("missing")).isNull());
	}

	private static ObjectInfo object(ManagerDescriptor descriptor, String name) {
		return descriptor.objects()
			.stream()
			.filter((object) -> object.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No object '" + name + "' in " + descriptor.objects()));
	}

}
