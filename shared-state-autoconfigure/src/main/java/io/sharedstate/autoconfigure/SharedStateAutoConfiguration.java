package io.sharedstate.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.sharedstate.SharedState;

/**
 * Auto-configuration of the application's shared-state manager: one per application,
 * created and closed with the context, in the mode {@code shared-state.mode} says. Backs
 * off when the application defines its own {@link SharedState} bean. Shared objects are
 * injected where a field or parameter carries one of the
 * {@link io.sharedstate.spring.Inject} annotations, and locks, events and barriers named
 * in the properties become beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(SharedStateProperties.class)
@Import({ ManagerConfigurations.Embedded.class, ManagerConfigurations.Server.class,
		ManagerConfigurations.Client.class })
public final class SharedStateAutoConfiguration {

	@Bean
	static SharedObjectInjection sharedObjectInjection(ObjectProvider<SharedState> manager) {
		return new SharedObjectInjection(manager);
	}

	@Bean
	static DeclaredSharedObjects declaredSharedObjects(Environment environment) {
		return new DeclaredSharedObjects(environment);
	}

}
