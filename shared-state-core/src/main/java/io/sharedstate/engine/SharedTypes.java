package io.sharedstate.engine;

import java.util.EnumMap;
import java.util.Map;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.barrier.BarrierSupport;
import io.sharedstate.custom.CustomSupport;
import io.sharedstate.dict.DictSupport;
import io.sharedstate.event.EventSupport;
import io.sharedstate.list.ListSupport;
import io.sharedstate.lock.ConditionSupport;
import io.sharedstate.lock.SharedLockSupport;
import io.sharedstate.namespace.NamespaceSupport;
import io.sharedstate.semaphore.SemaphoreSupport;
import io.sharedstate.value.CounterSupport;
import io.sharedstate.value.ValueSupport;
import io.sharedstate.queue.QueueSupport;

/**
 * The support of every shared type, by type.
 */
public final class SharedTypes {

	private static final Map<SharedType, SharedTypeSupport<?>> SUPPORT = new EnumMap<>(SharedType.class);

	static {
		register(new DictSupport());
		register(new ListSupport());
		register(new NamespaceSupport());
		register(new ValueSupport());
		register(new CounterSupport());
		register(new SharedLockSupport(false));
		register(new SharedLockSupport(true));
		register(new SemaphoreSupport(false));
		register(new SemaphoreSupport(true));
		register(new EventSupport());
		register(new ConditionSupport());
		register(new BarrierSupport());
		register(new QueueSupport(false));
		register(new QueueSupport(true));
		register(new CustomSupport());
	}

	private SharedTypes() {
	}

	private static void register(SharedTypeSupport<?> support) {
		SUPPORT.put(support.type(), support);
	}

	/**
	 * Returns the support of a type.
	 * @param <T> the object type
	 * @param type the type
	 * @return its support
	 */
	@SuppressWarnings("unchecked")
	public static <T extends SharedObject> SharedTypeSupport<T> support(SharedType type) {
		return (SharedTypeSupport<T>) SUPPORT.get(type);
	}

}
