package io.sharedstate.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.SharedStateProperties;

/**
 * Auto-configuration of the shared-state metrics, when Micrometer and a meter registry
 * are there.
 */
@AutoConfiguration(after = SharedStateAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, SharedState.class })
public final class SharedStateMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SharedStateMetrics sharedStateMetrics(SharedState manager, SharedStateProperties properties) {
		SharedStateProperties.Metrics metrics = properties.getMetrics();
		return new SharedStateMetrics(manager, metrics.getGroupedPrefixes(), metrics.getMaxNames());
	}

}
