package io.sharedstate.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sharedstate.api.SharedObject;
import io.sharedstate.SharedState;
import io.sharedstate.api.SharedType;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.value.SharedValue;
import io.sharedstate.spring.Inject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedObjectInjection}: fields, constructor parameters and bean method
 * parameters that carry an {@link Inject} annotation get the shared object of that name.
 */
class SharedObjectInjectionTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SharedStateAutoConfiguration.class));

	@Test
	void annotatedFieldsShouldGetTheNamedObjectsOfEveryType() {
		this.contextRunner.withBean(FieldTargets.class).run((context) -> {
			FieldTargets targets = context.getBean(FieldTargets.class);
			SharedState manager = context.getBean(SharedState.class);
			assertShared(targets.map, SharedType.DICT, "dict");
			assertShared(targets.concurrentMap, SharedType.DICT, "dict");
			assertShared(targets.dict, SharedType.DICT, "dict");
			assertShared(targets.list, SharedType.LIST, "list");
			assertShared(targets.sharedList, SharedType.LIST, "list");
			assertShared(targets.namespace, SharedType.NAMESPACE, "namespace");
			assertShared(targets.value, SharedType.VALUE, "value");
			assertShared(targets.counter, SharedType.COUNTER, "counter");
			assertShared(targets.event, SharedType.EVENT, "event");
			assertShared(targets.lock, SharedType.LOCK, "lock");
			assertShared(targets.sharedLock, SharedType.LOCK, "lock");
			assertShared(targets.rlock, SharedType.RLOCK, "rlock");
			assertShared(targets.semaphore, SharedType.SEMAPHORE, "semaphore");
			assertShared(targets.boundedSemaphore, SharedType.BOUNDED_SEMAPHORE, "bounded");
			assertShared(targets.condition, SharedType.CONDITION, "condition");
			assertShared(targets.barrier, SharedType.BARRIER, "barrier");
			assertShared(targets.blockingQueue, SharedType.QUEUE, "queue");
			assertShared(targets.queue, SharedType.QUEUE, "queue");
			assertShared(targets.sharedQueue, SharedType.QUEUE, "queue");
			assertShared(targets.joinableQueue, SharedType.JOINABLE_QUEUE, "joinable");
			targets.map.put("written", "through the field");
			assertThat(manager.dict("dict")).containsEntry("written", "through the field");
		});
	}

	@Test
	void annotationAttributesShouldConfigureTheObjectsTheyCreate() {
		this.contextRunner.withBean(FieldTargets.class).run((context) -> {
			FieldTargets targets = context.getBean(FieldTargets.class);
			assertThat(targets.semaphore.availablePermits()).isEqualTo(3);
			assertThat(targets.boundedSemaphore.availablePermits()).isEqualTo(2);
			assertThat(targets.barrier.parties()).isEqualTo(4);
			assertThat(targets.sharedQueue.remainingCapacity()).isEqualTo(5);
			assertThat(targets.condition.lock().name()).isEqualTo("condition-lock");
			assertThat(targets.value.get()).isNull();
		});
	}

	@Test
	void annotatedConstructorParametersShouldGetTheNamedObjectsOfEveryType() {
		this.contextRunner.withBean(ConstructorTargets.class).run((context) -> {
			ConstructorTargets targets = context.getBean(ConstructorTargets.class);
			assertShared(targets.map, SharedType.DICT, "dict");
			assertShared(targets.concurrentMap, SharedType.DICT, "dict");
			assertShared(targets.list, SharedType.LIST, "list");
			assertShared(targets.namespace, SharedType.NAMESPACE, "namespace");
			assertShared(targets.value, SharedType.VALUE, "value");
			assertShared(targets.counter, SharedType.COUNTER, "counter");
			assertShared(targets.event, SharedType.EVENT, "event");
			assertShared(targets.lock, SharedType.LOCK, "lock");
			assertShared(targets.rlock, SharedType.RLOCK, "rlock");
			assertShared(targets.semaphore, SharedType.SEMAPHORE, "semaphore");
			assertShared(targets.condition, SharedType.CONDITION, "condition");
			assertShared(targets.barrier, SharedType.BARRIER, "barrier");
			assertShared(targets.queue, SharedType.QUEUE, "queue");
			assertShared(targets.joinableQueue, SharedType.JOINABLE_QUEUE, "joinable");
		});
	}

	@Test
	void annotatedBeanMethodParametersShouldGetTheNamedObjects() {
		this.contextRunner.withUserConfiguration(BeanMethodTargets.class).run((context) -> {
			assertShared(context.getBean("hits"), SharedType.DICT, "hits");
			assertShared(context.getBean("jobs"), SharedType.QUEUE, "jobs");
		});
	}

	@Test
	void annotatedConstructorParameterWithElementTypesShouldGetTheSharedObjectNotACopy() {
		SharedState manager = SharedState.inProcess();
		manager.dict("hits").put("home", 1);
		manager.list("ids").add(7);
		this.contextRunner.withBean(SharedState.class, () -> manager)
			.withBean(TypedConstructorTargets.class)
			.run((context) -> {
				TypedConstructorTargets targets = context.getBean(TypedConstructorTargets.class);
				assertShared(targets.hits, SharedType.DICT, "hits");
				assertShared(targets.ids, SharedType.LIST, "ids");
			});
	}

	@Test
	void annotatedFieldOfAnotherTypeShouldFailStartupNamingTheFieldAndBothTypes() {
		this.contextRunner.withBean(WrongFieldType.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("@SharedDict")
				.hasMessageContaining(WrongFieldType.class.getName() + ".orders")
				.hasMessageContaining("shared dict, which is not a java.util.List"));
	}

	@Test
	void annotatedConstructorParameterOfAnotherTypeShouldFailStartupNamingTheParameterAndBothTypes() {
		this.contextRunner.withBean(WrongParameterType.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("@SharedQueue")
				.hasMessageContaining("orders")
				.hasMessageContaining(WrongParameterType.class.getName())
				.hasMessageContaining("shared queue, which is not a java.util.Map"));
	}

	@Test
	void nameUsedByAnotherTypeShouldFailStartupNamingBothTypes() {
		this.contextRunner.withBean(SameNameFields.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("'orders' is already a shared")
				.hasMessageContaining("dict")
				.hasMessageContaining("list"));
	}

	@Test
	void nameUsedByAnotherTypeInAConstructorParameterShouldFailStartupNamingBothTypes() {
		this.contextRunner.withBean(SameNameParameters.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("'orders' is already a shared")
				.hasMessageContaining("dict")
				.hasMessageContaining("list"));
	}

	private static void assertShared(Object target, SharedType type, String name) {
		assertThat(target).isInstanceOf(SharedObject.class);
		assertThat(((SharedObject) target).type()).isEqualTo(type);
		assertThat(((SharedObject) target).name()).isEqualTo(name);
	}

	static class FieldTargets {

		@Inject.SharedDict("dict")
		Map<String, Object> map;

		@Inject.SharedDict("dict")
		ConcurrentMap<String, Object> concurrentMap;

		@Inject.SharedDict("dict")
		SharedDict<String, Object> dict;

		@Inject.SharedList("list")
		List<String> list;

		@Inject.SharedList("list")
		SharedList<String> sharedList;

		@Inject.SharedNamespace("namespace")
		SharedNamespace namespace;

		@Inject.SharedValue("value")
		SharedValue<String> value;

		@Inject.SharedCounter("counter")
		SharedCounter counter;

		@Inject.SharedEvent("event")
		SharedEvent event;

		@Inject.SharedLock("lock")
		Lock lock;

		@Inject.SharedLock("lock")
		SharedLock sharedLock;

		@Inject.SharedLock(value = "rlock", reentrant = true)
		Lock rlock;

		@Inject.SharedSemaphore(value = "semaphore", permits = 3)
		SharedSemaphore semaphore;

		@Inject.SharedSemaphore(value = "bounded", permits = 2, bounded = true)
		SharedSemaphore boundedSemaphore;

		@Inject.SharedCondition(value = "condition", lock = "condition-lock")
		SharedCondition condition;

		@Inject.SharedBarrier(value = "barrier", parties = 4)
		SharedBarrier barrier;

		@Inject.SharedQueue(value = "queue", maxsize = 5)
		BlockingQueue<String> blockingQueue;

		@Inject.SharedQueue("queue")
		Queue<String> queue;

		@Inject.SharedQueue("queue")
		SharedQueue<String> sharedQueue;

		@Inject.SharedJoinableQueue("joinable")
		SharedJoinableQueue<String> joinableQueue;

	}

	static class ConstructorTargets {

		final Map<String, Object> map;

		final ConcurrentMap<String, Object> concurrentMap;

		final List<String> list;

		final SharedNamespace namespace;

		final SharedValue<String> value;

		final SharedCounter counter;

		final SharedEvent event;

		final Lock lock;

		final Lock rlock;

		final SharedSemaphore semaphore;

		final Condition condition;

		final SharedBarrier barrier;

		final BlockingQueue<String> queue;

		final SharedJoinableQueue<String> joinableQueue;

		ConstructorTargets(@Inject.SharedDict("dict") Map<String, Object> map,
				@Inject.SharedDict("dict") ConcurrentMap<String, Object> concurrentMap,
				@Inject.SharedList("list") List<String> list,
				@Inject.SharedNamespace("namespace") SharedNamespace namespace,
				@Inject.SharedValue("value") SharedValue<String> value,
				@Inject.SharedCounter("counter") SharedCounter counter, @Inject.SharedEvent("event") SharedEvent event,
				@Inject.SharedLock("lock") Lock lock, @Inject.SharedLock(value = "rlock", reentrant = true) Lock rlock,
				@Inject.SharedSemaphore("semaphore") SharedSemaphore semaphore,
				@Inject.SharedCondition(value = "condition", lock = "condition-lock") Condition condition,
				@Inject.SharedBarrier(value = "barrier", parties = 2) SharedBarrier barrier,
				@Inject.SharedQueue("queue") BlockingQueue<String> queue,
				@Inject.SharedJoinableQueue("joinable") SharedJoinableQueue<String> joinableQueue) {
			this.map = map;
			this.concurrentMap = concurrentMap;
			this.list = list;
			this.namespace = namespace;
			this.value = value;
			this.counter = counter;
			this.event = event;
			this.lock = lock;
			this.rlock = rlock;
			this.semaphore = semaphore;
			this.condition = condition;
			this.barrier = barrier;
			this.queue = queue;
			this.joinableQueue = joinableQueue;
		}

	}

	static class TypedConstructorTargets {

		final Map<String, Long> hits;

		final List<String> ids;

		TypedConstructorTargets(@Inject.SharedDict("hits") Map<String, Long> hits,
				@Inject.SharedList("ids") List<String> ids) {
			this.hits = hits;
			this.ids = ids;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BeanMethodTargets {

		@Bean
		Map<String, Long> hits(@Inject.SharedDict("hits") Map<String, Long> hits) {
			return hits;
		}

		@Bean
		BlockingQueue<String> jobs(@Inject.SharedQueue("jobs") BlockingQueue<String> jobs) {
			return jobs;
		}

	}

	static class WrongFieldType {

		@Inject.SharedDict("orders")
		List<String> orders;

	}

	static class WrongParameterType {

		WrongParameterType(@Inject.SharedQueue("jobs") Map<String, String> orders) {
		}

	}

	static class SameNameFields {

		@Inject.SharedDict("orders")
		Map<String, String> orders;

		@Inject.SharedList("orders")
		List<String> orderList;

	}

	static class SameNameParameters {

		SameNameParameters(@Inject.SharedDict("orders") Map<String, String> orders,
				@Inject.SharedList("orders") List<String> orderList) {
		}

	}

}
