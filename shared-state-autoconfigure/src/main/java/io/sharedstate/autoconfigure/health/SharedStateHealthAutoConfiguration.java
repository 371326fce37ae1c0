package io.sharedstate.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;

/**
 * Auto-configuration of the {@code sharedstate} health indicator.
 */
@AutoConfiguration(after = SharedStateAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(SharedState.class)
@ConditionalOnEnabledHealthIndicator("sharedstate")
public final class SharedStateHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "sharedstateHealthIndicator")
	SharedStateHealthIndicator sharedstateHealthIndicator(SharedState manager) {
		return new SharedStateHealthIndicator(manager);
	}

}
