package io.sharedstate.autoconfigure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyValues;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.core.Ordered;
import org.springframework.util.ReflectionUtils;

import io.sharedstate.SharedState;

/**
 * Injects shared objects where a field, or a constructor or method parameter, carries one
 * of the {@link io.sharedstate.spring.Inject} annotations. Fields are set after
 * construction (no {@code @Autowired} needed); parameters are resolved with the other
 * dependencies, through the bean factory's autowire candidate resolver.
 */
final class SharedObjectInjection implements BeanFactoryPostProcessor, Ordered {

	private final ObjectProvider<SharedState> manager;

	SharedObjectInjection(ObjectProvider<SharedState> manager) {
		this.manager = manager;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		beanFactory.addBeanPostProcessor(new FieldInjector());
		if (beanFactory instanceof DefaultListableBeanFactory listable) {
			listable.setAutowireCandidateResolver(new Resolver(listable.getAutowireCandidateResolver()));
		}
	}

	private SharedState manager() {
		return this.manager.getObject();
	}

	/** Sets annotated fields of every bean. */
	private final class FieldInjector implements InstantiationAwareBeanPostProcessor {

		private final Map<Class<?>, List<Field>> fieldsByClass = new ConcurrentHashMap<>();

		@Override
		public PropertyValues postProcessProperties(PropertyValues values, Object bean, String beanName) {
			for (Field field : annotatedFields(bean.getClass())) {
				Annotation annotation = SharedObjectAnnotations.find(field.getAnnotations());
				try {
					Object object = SharedObjectAnnotations.resolve(annotation, manager(), field.getType(), field);
					ReflectionUtils.makeAccessible(field);
					ReflectionUtils.setField(field, bean, object);
				}
				catch (RuntimeException ex) {
					throw new BeanCreationException(beanName, "Cannot inject "
							+ SharedObjectAnnotations.describe(annotation) + " into " + field + ": " + ex.getMessage(),
							ex);
				}
			}
			return values;
		}

		private List<Field> annotatedFields(Class<?> type) {
			return this.fieldsByClass.computeIfAbsent(type, (key) -> {
				List<Field> fields = new ArrayList<>();
				ReflectionUtils.doWithFields(key, fields::add,
						(field) -> SharedObjectAnnotations.find(field.getAnnotations()) != null);
				return fields;
			});
		}

	}

	/**
	 * Resolves the shared object for an annotated parameter; everything else is
	 * delegated.
	 */
	private final class Resolver implements AutowireCandidateResolver {

		private final AutowireCandidateResolver delegate;

		Resolver(AutowireCandidateResolver delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object getSuggestedValue(DependencyDescriptor descriptor) {
			return this.delegate.getSuggestedValue(descriptor);
		}

		@Override
		public boolean isAutowireCandidate(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
			return this.delegate.isAutowireCandidate(holder, descriptor);
		}

		@Override
		public boolean isRequired(DependencyDescriptor descriptor) {
			return this.delegate.isRequired(descriptor);
		}

		@Override
		public boolean hasQualifier(DependencyDescriptor descriptor) {
			return this.delegate.hasQualifier(descriptor);
		}

		@Override
		public String getSuggestedName(DependencyDescriptor descriptor) {
			return this.delegate.getSuggestedName(descriptor);
		}

		@Override
		public Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor, String beanName) {
			// Resolved here, not as a suggested value: the bean factory converts those,
			// and
			// would copy a map or list whose elements need converting into one not
			// shared.
			Annotation annotation = SharedObjectAnnotations.find(descriptor.getAnnotations());
			if (annotation == null) {
				return this.delegate.getLazyResolutionProxyIfNecessary(descriptor, beanName);
			}
			String target = (descriptor.getMethodParameter() != null) ? "parameter '" + descriptor.getDependencyName()
					+ "' of " + descriptor.getMethodParameter().getExecutable() : String.valueOf(descriptor.getField());
			try {
				return SharedObjectAnnotations.resolve(annotation, manager(), descriptor.getDependencyType(), target);
			}
			catch (RuntimeException ex) {
				// A BeansException, so that the bean factory shows its message.
				throw new BeanCreationException("Cannot inject " + SharedObjectAnnotations.describe(annotation)
						+ " into " + target + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public Class<?> getLazyResolutionProxyClass(DependencyDescriptor descriptor, String beanName) {
			return this.delegate.getLazyResolutionProxyClass(descriptor, beanName);
		}

		@Override
		public AutowireCandidateResolver cloneIfNecessary() {
			return new Resolver(this.delegate.cloneIfNecessary());
		}

	}

}
