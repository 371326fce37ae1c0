package io.sharedstate.types;

import java.util.List;

import io.sharedstate.barrier.BarrierType;
import io.sharedstate.custom.CustomTypes;
import io.sharedstate.dict.DictType;
import io.sharedstate.event.EventType;
import io.sharedstate.list.ListType;
import io.sharedstate.lock.LockType;
import io.sharedstate.model.TypeCatalog;
import io.sharedstate.namespace.NamespaceType;
import io.sharedstate.queue.QueueType;
import io.sharedstate.semaphore.SemaphoreType;
import io.sharedstate.value.ValueType;

/**
 * Every shared type of the project, as a catalog for an engine.
 */
public final class StandardTypes {

	private StandardTypes() {
	}

	/**
	 * Returns a catalog of every type, with custom types from a registry.
	 * @param customTypes the custom types a hosting engine registers
	 * @return the catalog
	 */
	public static TypeCatalog catalog(CustomTypes customTypes) {
		return new TypeCatalog(List.of(DictType.definition(), ListType.definition(), NamespaceType.definition(),
				ValueType.value(), ValueType.counter(), LockType.lock(false), LockType.lock(true),
				SemaphoreType.definition(false), SemaphoreType.definition(true), EventType.definition(),
				LockType.condition(), BarrierType.definition(), QueueType.definition(false), QueueType.definition(true),
				customTypes.definition()));
	}

}
