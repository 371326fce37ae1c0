package io.sharedstate.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.sharedstate.SharedState;
import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;
import io.sharedstate.autoconfigure.SharedStateProperties;
import io.sharedstate.pool.SharedPool;

/**
 * Auto-configuration of the {@code sharedstate} actuator endpoint.
 */
@AutoConfiguration(after = SharedStateAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(SharedState.class)
@ConditionalOnAvailableEndpoint(SharedStateEndpoint.class)
public final class SharedStateEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SharedStateEndpoint sharedStateEndpoint(SharedState manager, SharedStateProperties properties,
			ObjectProvider<SharedPool> pools) {
		SharedStateProperties.Endpoint endpoint = properties.getEndpoint();
		return new SharedStateEndpoint(manager, endpoint.isPreviewEnabled() ? endpoint.getPreviewLimit() : 0,
				() -> pools.orderedStream().map(SharedPool::info).toList());
	}

}
