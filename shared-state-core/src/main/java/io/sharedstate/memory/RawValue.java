package io.sharedstate.memory;

/**
 * One C number in shared memory, like Python's {@code sharedctypes.RawValue}, with atomic
 * operations and no lock; the semantics are those of a one-item {@link RawArray}. A block
 * made by {@link #create(String, char)} is exactly the item's size, so Python reads it
 * with {@code ctypes.c_long.from_buffer(shm.buf)}.
 */
public final class RawValue {

	private final RawArray item;

	private RawValue(RawArray item) {
		this.item = item;
	}

	/**
	 * Creates a block holding a zeroed value, like {@code RawValue(typecode)}.
	 * @param name the block's name
	 * @param typeCode Python's type code, like {@code 'q'}
	 * @return the value
	 * @throws BlockExistsException if the name is taken
	 */
	public static RawValue create(String name, char typeCode) {
		return new RawValue(RawArray.create(name, typeCode, 1));
	}

	/**
	 * Attaches to a block whose first bytes hold a value.
	 * @param name the block's name
	 * @param typeCode the value's type code
	 * @return the value
	 * @throws BlockNotFoundException if there is no such block
	 */
	public static RawValue attach(String name, char typeCode) {
		return of(SharedMemory.attach(name), typeCode, 0);
	}

	/**
	 * Returns the value at an offset of a block.
	 * @param block the block
	 * @param typeCode the value's type code
	 * @param offset where it starts: a multiple of its size
	 * @return the value
	 */
	public static RawValue of(SharedMemory block, char typeCode, long offset) {
		return new RawValue(RawArray.of(block, typeCode, offset, 1));
	}

	/**
	 * Returns the value as a one-item array.
	 * @return the array
	 */
	public RawArray asArray() {
		return this.item;
	}

	/**
	 * Returns the block the value lives in.
	 * @return the block
	 */
	public SharedMemory block() {
		return this.item.block();
	}

	/**
	 * Returns the value's type.
	 * @return the type
	 */
	public TypeCode typeCode() {
		return this.item.typeCode();
	}

	/**
	 * Reads an integer value, with volatile semantics.
	 * @return the value
	 * @see RawArray#get(int)
	 */
	public long get() {
		return this.item.get(0);
	}

	/**
	 * Writes an integer value, with volatile semantics.
	 * @param value the value
	 * @see RawArray#set(int, long)
	 */
	public void set(long value) {
		this.item.set(0, value);
	}

	/**
	 * Sets an integer value if it holds the expected one, atomically.
	 * @param expected the value expected
	 * @param update the new value
	 * @return whether it was set
	 * @see RawArray#compareAndSet(int, long, long)
	 */
	public boolean compareAndSet(long expected, long update) {
		return this.item.compareAndSet(0, expected, update);
	}

	/**
	 * Adds to an integer value atomically.
	 * @param delta what to add
	 * @return the value before
	 * @see RawArray#getAndAdd(int, long)
	 */
	public long getAndAdd(long delta) {
		return this.item.getAndAdd(0, delta);
	}

	/**
	 * Adds to an integer value atomically.
	 * @param delta what to add
	 * @return the value after
	 * @see RawArray#addAndGet(int, long)
	 */
	public long addAndGet(long delta) {
		return this.item.addAndGet(0, delta);
	}

	/**
	 * Replaces an integer value atomically.
	 * @param value the new value
	 * @return the value before
	 */
	public long getAndSet(long value) {
		return this.item.getAndSet(0, value);
	}

	/**
	 * Reads a floating-point value, with volatile semantics.
	 * @return the value
	 */
	public double getDouble() {
		return this.item.getDouble(0);
	}

	/**
	 * Writes a floating-point value, with volatile semantics.
	 * @param value the value
	 */
	public void setDouble(double value) {
		this.item.setDouble(0, value);
	}

	/**
	 * Sets a floating-point value if it holds the expected one (bit for bit), atomically.
	 * @param expected the value expected
	 * @param update the new value
	 * @return whether it was set
	 */
	public boolean compareAndSetDouble(double expected, double update) {
		return this.item.compareAndSetDouble(0, expected, update);
	}

	/**
	 * Adds to a floating-point value atomically.
	 * @param delta what to add
	 * @return the value after
	 */
	public double addAndGetDouble(double delta) {
		return this.item.addAndGetDouble(0, delta);
	}

	@Override
	public String toString() {
		return "RawValue('" + typeCode().code() + "' at " + this.item.offset() + " of block '" + block().name() + "')";
	}

}
