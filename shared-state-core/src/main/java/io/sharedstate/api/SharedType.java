package io.sharedstate.api;

/**
 * The kinds of shared object a manager hosts. A name belongs to exactly one type.
 */
public enum SharedType {

	/** A {@link io.sharedstate.dict.SharedDict}. */
	DICT(1, "dict", "SharedDict"),

	/** A {@link io.sharedstate.list.SharedList}. */
	LIST(2, "list", "SharedList"),

	/** A {@link io.sharedstate.namespace.SharedNamespace}. */
	NAMESPACE(3, "namespace", "SharedNamespace"),

	/** A {@link io.sharedstate.value.SharedValue}. */
	VALUE(4, "value", "SharedValue"),

	/** A {@link io.sharedstate.value.SharedCounter}. */
	COUNTER(5, "counter", "SharedCounter"),

	/** A non-reentrant {@link io.sharedstate.lock.SharedLock}. */
	LOCK(6, "lock", "SharedLock"),

	/** A reentrant {@link io.sharedstate.lock.SharedLock}. */
	RLOCK(7, "rlock", "SharedLock"),

	/** A {@link io.sharedstate.semaphore.SharedSemaphore}. */
	SEMAPHORE(8, "semaphore", "SharedSemaphore"),

	/** A bounded {@link io.sharedstate.semaphore.SharedSemaphore}. */
	BOUNDED_SEMAPHORE(9, "bounded semaphore", "SharedSemaphore"),

	/** A {@link io.sharedstate.event.SharedEvent}. */
	EVENT(10, "event", "SharedEvent"),

	/** A {@link io.sharedstate.lock.SharedCondition}. */
	CONDITION(11, "condition", "SharedCondition"),

	/** A {@link io.sharedstate.barrier.SharedBarrier}. */
	BARRIER(12, "barrier", "SharedBarrier"),

	/** A {@link io.sharedstate.queue.SharedQueue}. */
	QUEUE(13, "queue", "SharedQueue"),

	/** A {@link io.sharedstate.queue.SharedJoinableQueue}. */
	JOINABLE_QUEUE(14, "joinable queue", "SharedJoinableQueue"),

	/**
	 * An object of a type registered with
	 * {@code SharedState.register(typeId, interface, factory)}; its proxy is an
	 * {@link io.sharedstate.custom.CustomObject}.
	 */
	CUSTOM(15, "custom object", "CustomObject");

	private static final SharedType[] BY_CODE = new SharedType[32];

	static {
		for (SharedType type : values()) {
			BY_CODE[type.code] = type;
		}
	}

	private final int code;

	private final String label;

	private final String interfaceName;

	SharedType(int code, String label, String interfaceName) {
		this.interfaceName = interfaceName;
		this.code = code;
		this.label = label;
	}

	/**
	 * Returns the code that stands for this type on the wire.
	 * @return the wire code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Returns the type a wire code stands for.
	 * @param code the wire code
	 * @return the type
	 * @throws IllegalArgumentException if no type has that code
	 */
	public static SharedType ofCode(int code) {
		SharedType type = (code >= 0 && code < BY_CODE.length) ? BY_CODE[code] : null;
		if (type == null) {
			throw new IllegalArgumentException("Unknown shared type code " + code);
		}
		return type;
	}

	/**
	 * Shows a reference to an object of this type, as containers show the shared objects
	 * stored in them: {@code SharedList[log]}.
	 * @param name the object's name
	 * @return the text
	 */
	public String reference(String name) {
		return this.interfaceName + "[" + name + "]";
	}

	@Override
	public String toString() {
		return this.label;
	}

}
