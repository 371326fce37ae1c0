package io.sharedstate.memory;

import java.util.concurrent.locks.Lock;
import java.util.function.LongUnaryOperator;

/**
 * One C number in shared memory with a cross-process lock, like Python's
 * {@code sharedctypes.Value(typecode)}: a one-item {@link Array}, with its layout (the
 * number at offset 0, then the trailer with the lock). Every operation holds the lock;
 * hold {@link #getLock()} around several.
 *
 * <pre>{@code
 * Value hits = Value.create("hits", 'q');
 * hits.addAndGet(1);                  // python: with v.get_lock(): v.value += 1
 * }</pre>
 */
public final class Value {

	private final Array item;

	Value(Array item) {
		this.item = item;
	}

	/**
	 * Creates a block holding a zeroed synchronized value.
	 * @param name the block's name
	 * @param typeCode Python's type code, like {@code 'q'}
	 * @return the value
	 * @throws BlockExistsException if the name is taken
	 */
	public static Value create(String name, char typeCode) {
		return new Value(Array.create(name, typeCode, 1));
	}

	/**
	 * Attaches to a block made by {@link #create(String, char)}.
	 * @param name the block's name
	 * @return the value
	 * @throws SharedMemoryException if the block holds no synchronized value
	 */
	public static Value attach(String name) {
		return of(SharedMemory.attach(name));
	}

	/**
	 * Returns the synchronized value a block holds.
	 * @param block the block
	 * @return the value
	 * @throws SharedMemoryException if the block holds no synchronized value
	 */
	public static Value of(SharedMemory block) {
		Array array = Array.of(block);
		if (array.length() != 1) {
			throw new SharedMemoryException("Block '" + block.name() + "' holds a synchronized Array of "
					+ array.length() + " items, not a Value: open it with Array.of");
		}
		return new Value(array);
	}

	/**
	 * Returns the lock every operation holds, like Python's {@code get_lock()}.
	 * @return the lock, reentrant
	 */
	public Lock getLock() {
		return this.item.getLock();
	}

	/**
	 * Returns the value without the lock, like Python's {@code get_obj()}.
	 * @return the raw value
	 */
	public RawValue raw() {
		return RawValue.of(block(), typeCode().code(), 0);
	}

	/**
	 * Returns the value's type.
	 * @return the type
	 */
	public TypeCode typeCode() {
		return this.item.typeCode();
	}

	/**
	 * Returns the block the value lives in.
	 * @return the block
	 */
	public SharedMemory block() {
		return this.item.block();
	}

	/**
	 * Reads an integer value under the lock.
	 * @return the value
	 */
	public long get() {
		return this.item.get(0);
	}

	/**
	 * Writes an integer value under the lock.
	 * @param value the value
	 */
	public void set(long value) {
		this.item.set(0, value);
	}

	/**
	 * Adds to an integer value under the lock, wrapping around at the type's width.
	 * @param delta what to add
	 * @return the value after
	 */
	public long addAndGet(long delta) {
		return this.item.addAndGet(0, delta);
	}

	/**
	 * Replaces an integer value with a function of it, under the lock.
	 * @param update computes the new value from the old
	 * @return the new value
	 */
	public long updateAndGet(LongUnaryOperator update) {
		return this.item.updateAndGet(0, update);
	}

	/**
	 * Reads a floating-point value under the lock.
	 * @return the value
	 */
	public double getDouble() {
		return this.item.getDouble(0);
	}

	/**
	 * Writes a floating-point value under the lock.
	 * @param value the value
	 */
	public void setDouble(double value) {
		this.item.setDouble(0, value);
	}

	/**
	 * Adds to a floating-point value under the lock.
	 * @param delta what to add
	 * @return the value after
	 */
	public double addAndGetDouble(double delta) {
		return this.item.addAndGetDouble(0, delta);
	}

	@Override
	public String toString() {
		return "Value('" + typeCode().code() + "' in block '" + block().name() + "')";
	}

}
