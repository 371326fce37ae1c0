package io.sharedstate.lock;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.TypeDefinition;

/**
 * The lock, reentrant lock and condition types, for engines.
 */
public final class LockType {

	private LockType() {
	}

	/**
	 * Returns the definition of a lock.
	 * @param reentrant whether the lock is reentrant
	 * @return the definition
	 */
	public static TypeDefinition lock(boolean reentrant) {
		return new TypeDefinition(reentrant ? SharedType.RLOCK : SharedType.LOCK, LockOperation.values(),
				(name, initial, others) -> new LockState(name, reentrant), LockProxy::new,
				new TypeDefinition.Inspection() {

					@Override
					public Map<String, Object> describe(Object state, LongFunction<String> processes) {
						return ((LockState) state).describe(processes, reentrant);
					}

				});
	}

	/**
	 * Returns the definition of a condition; it is opened with its lock.
	 * @return the definition
	 */
	public static TypeDefinition condition() {
		return new TypeDefinition(SharedType.CONDITION, ConditionOperation.values(),
				(name, initial, others) -> new ConditionState(name,
						(initial instanceof SharedLock lock) ? others.apply(lock) : null),
				ConditionProxy::new, new TypeDefinition.Inspection() {

					@Override
					public Map<String, Object> describe(Object state, LongFunction<String> processes) {
						ConditionState condition = (ConditionState) state;
						Map<String, Object> described = new LinkedHashMap<>();
						described.put("lock", condition.lockName());
						described.put("waiting", condition.waiting());
						return described;
					}

				});
	}

}
