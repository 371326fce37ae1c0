package io.sharedstate.autoconfigure.integration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.support.locks.LockRegistry;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;

/**
 * Auto-configuration of a {@link LockRegistry} backed by shared locks, when Spring
 * Integration is there and the application has no lock registry of its own.
 */
@AutoConfiguration(after = SharedStateAutoConfiguration.class)
@ConditionalOnClass(LockRegistry.class)
@ConditionalOnBean(SharedState.class)
public final class SharedStateIntegrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(LockRegistry.class)
	SharedStateLockRegistry sharedStateLockRegistry(SharedState manager) {
		return new SharedStateLockRegistry(manager, "integration.");
	}

}
