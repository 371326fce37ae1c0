package io.sharedstate.autoconfigure.pool;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.sharedstate.pool.SharedPool;

/**
 * Auto-configuration of the metrics of process pools, when Micrometer and a meter
 * registry are there.
 */
@AutoConfiguration(after = SharedPoolAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class SharedPoolMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SharedPoolMetrics sharedPoolMetrics(ObjectProvider<SharedPool> pools) {
		return new SharedPoolMetrics(pools.orderedStream().toList());
	}

}
