package io.sharedstate.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateProperties.Mode;

/**
 * One configuration per mode; exactly one applies.
 */
final class ManagerConfigurations {

	/** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
	private static final Duration DEFAULT_SHUTDOWN_PHASE_TIMEOUT = Duration.ofSeconds(30);

	private ManagerConfigurations() {
	}

	private static SharedState withTypes(SharedState manager, ObjectProvider<SharedTypeRegistration<?>> types) {
		types.orderedStream().forEach((type) -> type.registerOn(manager));
		return manager;
	}

	private static ManagerFactory factory(SharedStateProperties properties, Environment environment) {
		return new ManagerFactory(properties, environment.getProperty("spring.application.name"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SharedState.class)
	@ConditionalOnMode(Mode.EMBEDDED)
	static class Embedded {

		@Bean(destroyMethod = "close")
		SharedState sharedState(SharedStateProperties properties, Environment environment,
				ObjectProvider<SharedTypeRegistration<?>> types) {
			return withTypes(factory(properties, environment).embedded(), types);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SharedState.class)
	@ConditionalOnMode(Mode.SERVER)
	static class Server {

		@Bean(destroyMethod = "close")
		SharedState sharedState(SharedStateProperties properties, Environment environment,
				ObjectProvider<SharedTypeRegistration<?>> types) {
			return withTypes(factory(properties, environment).server(), types);
		}

		@Bean
		ManagerServerLifecycle sharedStateServerLifecycle(SharedState sharedState, SharedStateProperties properties,
				Environment environment) {
			Duration grace = Binder.get(environment)
				.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
				.orElse(DEFAULT_SHUTDOWN_PHASE_TIMEOUT);
			return new ManagerServerLifecycle(sharedState, properties.getAddress(), grace);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SharedState.class)
	@ConditionalOnMode(Mode.CLIENT)
	static class Client {

		@Bean(destroyMethod = "close")
		SharedState sharedState(SharedStateProperties properties, Environment environment) {
			return factory(properties, environment).client();
		}

	}

}
