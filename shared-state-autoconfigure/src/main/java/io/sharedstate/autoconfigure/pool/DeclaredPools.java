package io.sharedstate.autoconfigure.pool;

import java.util.List;
import java.util.Map;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.sharedstate.SharedState;
import io.sharedstate.pool.SharedPool;

/**
 * Declares the pools named in {@code shared-state.pools} as {@link SharedPool} beans of
 * the same names, so that {@code @Autowired SharedPool reports} works. Each is created
 * from the application's {@link SharedState} and closed with the context, before it.
 */
final class DeclaredPools implements BeanDefinitionRegistryPostProcessor {

	private final Environment environment;

	DeclaredPools(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		Binder binder = Binder.get(this.environment);
		Map<String, SharedPoolProperties.Pool> pools = binder
			.bind("shared-state.pools", Bindable.mapOf(String.class, SharedPoolProperties.Pool.class))
			.orElse(Map.of());
		List<String> allowedPackages = binder.bind("shared-state.allowed-packages", Bindable.listOf(String.class))
			.orElse(List.of());
		ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
		pools.forEach((name, pool) -> {
			PoolFactory factory = new PoolFactory(name, pool);
			RootBeanDefinition definition = new RootBeanDefinition(SharedPool.class, () -> {
				SharedState manager = beanFactory.getBean(SharedState.class);
				for (String managerName : beanFactory.getBeanNamesForType(SharedState.class)) {
					// closed before the manager its workers use
					beanFactory.registerDependentBean(managerName, name);
				}
				return factory.create(manager, allowedPackages);
			});
			definition.setDestroyMethodName("close");
			registry.registerBeanDefinition(name, definition);
		});
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

}
