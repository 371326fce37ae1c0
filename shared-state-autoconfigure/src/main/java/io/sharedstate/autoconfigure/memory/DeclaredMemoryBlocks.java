package io.sharedstate.autoconfigure.memory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.sharedstate.SharedState;
import io.sharedstate.memory.SharedMemory;

/**
 * Declares the blocks of {@code shared-state.memory.blocks} as {@link SharedMemory} beans
 * of their names, and on the manager, so that {@code @SharedMemoryBlock} finds them too;
 * a declared block with a size is created when it does not exist.
 */
final class DeclaredMemoryBlocks implements BeanDefinitionRegistryPostProcessor, BeanPostProcessor {

	private final SharedMemoryProperties properties;

	DeclaredMemoryBlocks(Environment environment) {
		this.properties = Binder.get(environment)
			.bind("shared-state.memory", SharedMemoryProperties.class)
			.orElseGet(SharedMemoryProperties::new);
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
		this.properties.getBlocks()
			.keySet()
			.forEach((name) -> registry.registerBeanDefinition(name, new RootBeanDefinition(SharedMemory.class,
					() -> beanFactory.getBean(SharedState.class).memory().open(name))));
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SharedState manager) {
			this.properties.getBlocks().forEach((name, block) -> {
				if (!block.isCreate()) {
					return;
				}
				if (block.getSize() == null) {
					throw new IllegalStateException("Shared memory block '" + name
							+ "' needs a size to be created: set " + "shared-state.memory.blocks." + name
							+ ".size, or .create=false to attach to a block " + "another process makes");
				}
				manager.memory().declare(name, block.getSize().toBytes());
			});
		}
		return bean;
	}

}
