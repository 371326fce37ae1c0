package io.sharedstate.autoconfigure.memory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.sharedstate.autoconfigure.SharedStateAutoConfiguration;

/**
 * Auto-configuration of same-host shared memory: the blocks named in
 * {@code shared-state.memory.blocks} become beans, opened (or created) at startup through
 * the manager, which removes the ones it created when the context closes.
 */
@AutoConfiguration(after = SharedStateAutoConfiguration.class)
@EnableConfigurationProperties(SharedMemoryProperties.class)
public final class SharedMemoryAutoConfiguration {

	@Bean
	static DeclaredMemoryBlocks declaredMemoryBlocks(Environment environment) {
		return new DeclaredMemoryBlocks(environment);
	}

}
