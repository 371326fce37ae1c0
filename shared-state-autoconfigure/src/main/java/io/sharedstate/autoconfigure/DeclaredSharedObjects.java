package io.sharedstate.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.sharedstate.SharedState;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.lock.SharedLock;

/**
 * Declares the locks, events and barriers named in {@code shared-state.locks},
 * {@code shared-state.reentrant-locks}, {@code shared-state.events} and
 * {@code shared-state.barriers} as beans of the same names, so that
 * {@code @Autowired Lock orders} works.
 */
final class DeclaredSharedObjects implements BeanDefinitionRegistryPostProcessor {

	private final Environment environment;

	DeclaredSharedObjects(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		Binder binder = Binder.get(this.environment);
		List<String> none = List.of();
		for (String name : binder.bind("shared-state.locks", Bindable.listOf(String.class)).orElse(none)) {
			declare(registry, name, SharedLock.class, (manager) -> manager.lock(name));
		}
		for (String name : binder.bind("shared-state.reentrant-locks", Bindable.listOf(String.class)).orElse(none)) {
			declare(registry, name, SharedLock.class, (manager) -> manager.rlock(name));
		}
		for (String name : binder.bind("shared-state.events", Bindable.listOf(String.class)).orElse(none)) {
			declare(registry, name, SharedEvent.class, (manager) -> manager.event(name));
		}
		Map<String, SharedStateProperties.Barrier> barriers = binder
			.bind("shared-state.barriers", Bindable.mapOf(String.class, SharedStateProperties.Barrier.class))
			.orElse(Map.of());
		barriers.forEach((name, barrier) -> declare(registry, name, SharedBarrier.class,
				(manager) -> manager.barrier(name, barrier.getParties())));
	}

	private <T> void declare(BeanDefinitionRegistry registry, String name, Class<T> type,
			Function<SharedState, T> lookUp) {
		ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
		RootBeanDefinition definition = new RootBeanDefinition(type,
				() -> lookUp.apply(beanFactory.getBean(SharedState.class)));
		registry.registerBeanDefinition(name, definition);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

}
