package io.sharedstate.autoconfigure.pool;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;

/**
 * Auto-configuration of the process pools declared in {@code shared-state.pools}: one
 * {@link io.sharedstate.pool.SharedPool} bean per name, whose workers start with the
 * context and stop with it.
 */
@AutoConfiguration(after = SharedStateAutoConfiguration.class)
@EnableConfigurationProperties(SharedPoolProperties.class)
public final class SharedPoolAutoConfiguration {

	@Bean
	static DeclaredPools declaredPools(Environment environment) {
		return new DeclaredPools(environment);
	}

}
