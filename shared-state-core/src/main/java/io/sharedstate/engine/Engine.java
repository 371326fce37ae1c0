package io.sharedstate.engine;

import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.namespace.SharedNamespace;
import io.sharedstate.value.SharedCounter;
import io.sharedstate.value.SharedValue;
import io.sharedstate.semaphore.SharedSemaphore;
import io.sharedstate.event.SharedEvent;
import io.sharedstate.lock.SharedCondition;
import io.sharedstate.barrier.SharedBarrier;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.queue.SharedJoinableQueue;

/**
 * Where shared objects live: in this JVM, behind a manager server, or in a cluster. Every
 * engine hosts the same types with the same semantics, proven by the contract suite; a
 * new engine is done when it passes it.
 */
public interface Engine extends AutoCloseable {

	/**
	 * Finds or creates a dict.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param name the name
	 * @return the dict
	 * @throws io.sharedstate.api.SharedTypeMismatchException if the name belongs to
	 * another type
	 */
	<K, V> SharedDict<K, V> dict(String name);

	/**
	 * Finds or creates a list.
	 * @param <E> the element type
	 * @param name the name
	 * @return the list
	 */
	<E> SharedList<E> list(String name);

	/**
	 * Finds or creates a namespace.
	 * @param name the name
	 * @return the namespace
	 */
	SharedNamespace namespace(String name);

	/**
	 * Finds or creates a value.
	 * @param <V> the value type
	 * @param name the name
	 * @param initial the value a new object starts with; ignored when it exists
	 * @return the value
	 */
	<V> SharedValue<V> value(String name, V initial);

	/**
	 * Finds or creates a counter, starting at zero.
	 * @param name the name
	 * @return the counter
	 */
	SharedCounter counter(String name);

	/**
	 * Finds or creates a non-reentrant lock.
	 * @param name the name
	 * @return the lock
	 */
	SharedLock lock(String name);

	/**
	 * Finds or creates a reentrant lock.
	 * @param name the name
	 * @return the lock
	 */
	SharedLock rlock(String name);

	/**
	 * Finds or creates a semaphore with the given permits (used only when it is created),
	 * like Python's {@code Semaphore}.
	 * @param name the name
	 * @param permits the permits
	 * @return the object
	 */
	SharedSemaphore semaphore(String name, int permits);

	/**
	 * Finds or creates a semaphore that refuses releases above its initial permits, like
	 * Python's {@code BoundedSemaphore}.
	 * @param name the name
	 * @param permits the permits
	 * @return the object
	 */
	SharedSemaphore boundedSemaphore(String name, int permits);

	/**
	 * Finds or creates an event (a flag threads can wait for), like Python's
	 * {@code Event}.
	 * @param name the name
	 * @return the object
	 */
	SharedEvent event(String name);

	/**
	 * Finds or creates a condition bound to a shared lock of this manager, like Python's
	 * {@code Condition(lock)}.
	 * @param name the name
	 * @param lock the lock
	 * @return the object
	 */
	SharedCondition condition(String name, SharedLock lock);

	/**
	 * Finds or creates a cyclic barrier for a number of parties, like Python's
	 * {@code Barrier}; the action (may be {@code null}) runs in the process whose thread
	 * arrives last.
	 * @param name the name
	 * @param parties the parties
	 * @param action the action
	 * @return the object
	 */
	SharedBarrier barrier(String name, int parties, Runnable action);

	/**
	 * Finds or creates a FIFO queue.
	 * @param <E> the element type
	 * @param name the name
	 * @param maxsize the most items it holds, 0 for no limit; used only when it is
	 * created
	 * @return the queue
	 */
	<E> SharedQueue<E> queue(String name, int maxsize);

	/**
	 * Finds or creates a queue that counts unfinished tasks.
	 * @param <E> the element type
	 * @param name the name
	 * @param maxsize the most items it holds, 0 for no limit; used only when it is
	 * created
	 * @return the queue
	 */
	<E> SharedJoinableQueue<E> joinableQueue(String name, int maxsize);

	/**
	 * Finds or creates an object of a registered custom type, like calling a type
	 * registered with Python's {@code BaseManager.register}.
	 * @param <T> the interface
	 * @param typeId the type id it was registered under
	 * @param name the name
	 * @param sharedInterface the interface it was registered with
	 * @return a proxy implementing the interface and
	 * {@link io.sharedstate.custom.CustomObject}
	 * @throws IllegalArgumentException if no type is registered under the id with that
	 * interface
	 * @throws io.sharedstate.api.SharedTypeMismatchException if the name belongs to
	 * another type or type id
	 */
	<T> T proxy(String typeId, String name, Class<T> sharedInterface);

	/**
	 * Releases what the engine holds: connections for a client, objects for a local
	 * engine.
	 */
	@Override
	void close();

}
