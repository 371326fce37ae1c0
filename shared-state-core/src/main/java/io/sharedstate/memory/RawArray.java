package io.sharedstate.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A fixed-length array of C numbers in shared memory, like Python's
 * {@code sharedctypes.RawArray}, with atomic operations and no lock. Items are stored
 * little-endian, one after the other, as a C array: a block made by
 * {@link #create(String, char, int)} is exactly {@code length * itemSize} bytes, and
 * Python reads it with {@code (ctypes.c_double * n).from_buffer(shm.buf)} or
 * {@code numpy.ndarray(n, 'd', buffer=shm.buf)}.
 *
 * <p>
 * Integer types are read and written as {@code long}s ({@link #get}, {@link #set}, ...),
 * {@code 'f'} and {@code 'd'} as {@code double}s ({@link #getDouble}, {@link #setDouble},
 * ...); the wrong family fails with {@link IllegalStateException}. A value that does not
 * fit the type is refused, where ctypes would silently cut it.
 *
 * <p>
 * Memory ordering: {@code get} and {@code set} have volatile semantics (a {@code set} is
 * seen by every later {@code get} of any process); {@code compareAndSet},
 * {@code getAndAdd}, {@code addAndGet} and {@code getAndSet} are atomic, for items of 4
 * and 8 bytes ({@code 'i' 'I' 'u' 'f' 'l' 'L' 'q' 'Q' 'd'}); sums wrap around at the
 * type's width, as in C. Narrower items can only be read and written atomically: update
 * them under a lock ({@link Array}).
 */
public final class RawArray {

	private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle SHORTS = MethodHandles.byteBufferViewVarHandle(short[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle FLOATS = MethodHandles.byteBufferViewVarHandle(float[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle DOUBLES = MethodHandles.byteBufferViewVarHandle(double[].class,
			ByteOrder.LITTLE_ENDIAN);

	private final SharedMemory block;

	private final long offset;

	private final TypeCode type;

	private final int length;

	private final int shift;

	private final int size;

	private final boolean floating;

	private final boolean unsigned;

	/** The window that holds every item, or null when the array spans windows. */
	private final ByteBuffer window;

	/** Where item 0 is in {@link #window}. */
	private final int base;

	private RawArray(SharedMemory block, long offset, TypeCode type, int length) {
		this.block = block;
		this.offset = offset;
		this.type = type;
		this.length = length;
		this.size = type.size();
		this.shift = Integer.numberOfTrailingZeros(this.size);
		this.floating = type.isFloatingPoint();
		this.unsigned = type.readsUnsigned();
		ByteBuffer first = block.window(offset);
		int start = SharedMemory.index(offset);
		boolean fits = start + ((long) length << this.shift) <= first.capacity();
		this.window = fits ? first : null;
		this.base = start;
	}

	/**
	 * Creates a block holding a zeroed array, like {@code RawArray(typecode, length)}.
	 * @param name the block's name
	 * @param typeCode Python's type code, like {@code 'd'}
	 * @param length how many items
	 * @return the array
	 * @throws IllegalArgumentException if the type code is unknown or the length is not
	 * positive
	 * @throws BlockExistsException if the name is taken
	 */
	public static RawArray create(String name, char typeCode, int length) {
		TypeCode type = TypeCode.of(typeCode);
		checkLength(name, length);
		return new RawArray(SharedMemory.create(name, (long) length * type.size()), 0, type, length);
	}

	/**
	 * Attaches to a block that holds nothing but an array of one type, made by Java or by
	 * Python: its length is the block's size divided by the item size.
	 * @param name the block's name
	 * @param typeCode the items' type code
	 * @return the array
	 * @throws BlockNotFoundException if there is no such block
	 */
	public static RawArray attach(String name, char typeCode) {
		return of(SharedMemory.attach(name), typeCode);
	}

	/**
	 * Returns the array of one type that fills a block.
	 * @param block the block
	 * @param typeCode the items' type code
	 * @return the array of {@code block.size() / itemSize} items
	 */
	public static RawArray of(SharedMemory block, char typeCode) {
		TypeCode type = TypeCode.of(typeCode);
		long items = block.size() / type.size();
		if (items > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Block '" + block.name() + "' holds " + items + " '" + typeCode
					+ "' items, more than an array indexes; use of(block, typeCode, offset, length) for parts of it");
		}
		return of(block, typeCode, 0, (int) items);
	}

	/**
	 * Returns an array at an offset of a block, for blocks that hold several things.
	 * @param block the block
	 * @param typeCode the items' type code
	 * @param offset where the first item starts: a multiple of the item size
	 * @param length how many items
	 * @return the array
	 * @throws IllegalArgumentException if the offset is misaligned or the length not
	 * positive
	 * @throws IndexOutOfBoundsException if the array does not fit in the block
	 */
	public static RawArray of(SharedMemory block, char typeCode, long offset, int length) {
		TypeCode type = TypeCode.of(typeCode);
		checkLength(block.name(), length);
		if (offset % type.size() != 0) {
			throw new IllegalArgumentException("An array of '" + typeCode + "' must start at a multiple of "
					+ type.size() + ", not at " + offset + " of block '" + block.name() + "'");
		}
		block.checkRange(offset, (long) length * type.size());
		return new RawArray(block, offset, type, length);
	}

	private static void checkLength(String name, int length) {
		if (length <= 0) {
			throw new IllegalArgumentException(
					"An array in block '" + name + "' needs a positive length, not " + length);
		}
	}

	/**
	 * Returns the block the array lives in.
	 * @return the block
	 */
	public SharedMemory block() {
		return this.block;
	}

	/**
	 * Returns where the first item starts in the block.
	 * @return the offset
	 */
	public long offset() {
		return this.offset;
	}

	/**
	 * Returns the items' type.
	 * @return the type
	 */
	public TypeCode typeCode() {
		return this.type;
	}

	/**
	 * Returns how many items the array has.
	 * @return the length
	 */
	public int length() {
		return this.length;
	}

	/**
	 * Reads an integer item, with volatile semantics.
	 * @param index the index
	 * @return the value; unsigned types narrower than 64 bits read as non-negative
	 */
	public long get(int index) {
		long at = integer(index);
		ByteBuffer window = buffer(at);
		int i = index(at);
		return switch (this.size) {
			case 8 -> (long) LONGS.getVolatile(window, i);
			case 4 -> widen((int) INTS.getVolatile(window, i));
			case 2 -> widen((short) SHORTS.getVolatile(window, i));
			default -> {
				byte value = window.get(i);
				VarHandle.acquireFence();
				yield widen(value);
			}
		};
	}

	/**
	 * Writes an integer item, with volatile semantics.
	 * @param index the index
	 * @param value the value
	 * @throws IllegalArgumentException if it does not fit the type
	 */
	public void set(int index, long value) {
		long at = integer(index);
		this.type.checkRange(value, this);
		ByteBuffer window = buffer(at);
		int i = index(at);
		switch (this.size) {
			case 8 -> LONGS.setVolatile(window, i, value);
			case 4 -> INTS.setVolatile(window, i, (int) value);
			case 2 -> SHORTS.setVolatile(window, i, (short) value);
			default -> {
				VarHandle.releaseFence();
				window.put(i, (byte) value);
				VarHandle.fullFence();
			}
		}
	}

	/**
	 * Sets an integer item to {@code update} if it holds {@code expected}, atomically.
	 * @param index the index
	 * @param expected the value expected
	 * @param update the new value
	 * @return whether it was set
	 * @throws UnsupportedOperationException for items narrower than 4 bytes
	 */
	public boolean compareAndSet(int index, long expected, long update) {
		long at = atomicInteger(index);
		this.type.checkRange(update, this);
		ByteBuffer window = buffer(at);
		int i = index(at);
		if (this.size == 8) {
			return LONGS.compareAndSet(window, i, expected, update);
		}
		return narrowFits(expected) && INTS.compareAndSet(window, i, (int) expected, (int) update);
	}

	/**
	 * Adds to an integer item atomically, wrapping around at the type's width.
	 * @param index the index
	 * @param delta what to add
	 * @return the value before
	 * @throws UnsupportedOperationException for items narrower than 4 bytes
	 */
	public long getAndAdd(int index, long delta) {
		long at = atomicInteger(index);
		ByteBuffer window = buffer(at);
		int i = index(at);
		if (this.size == 8) {
			return (long) LONGS.getAndAdd(window, i, delta);
		}
		return widen((int) INTS.getAndAdd(window, i, (int) delta));
	}

	/**
	 * Adds to an integer item atomically, wrapping around at the type's width.
	 * @param index the index
	 * @param delta what to add
	 * @return the value after
	 * @throws UnsupportedOperationException for items narrower than 4 bytes
	 */
	public long addAndGet(int index, long delta) {
		long before = getAndAdd(index, delta);
		return (this.size == 8) ? before + delta : widen((int) (before + delta));
	}

	/**
	 * Replaces an integer item atomically.
	 * @param index the index
	 * @param value the new value
	 * @return the value before
	 * @throws UnsupportedOperationException for items narrower than 4 bytes
	 */
	public long getAndSet(int index, long value) {
		long at = atomicInteger(index);
		this.type.checkRange(value, this);
		ByteBuffer window = buffer(at);
		int i = index(at);
		if (this.size == 8) {
			return (long) LONGS.getAndSet(window, i, value);
		}
		return widen((int) INTS.getAndSet(window, i, (int) value));
	}

	/**
	 * Reads a floating-point item, with volatile semantics.
	 * @param index the index
	 * @return the value
	 */
	public double getDouble(int index) {
		long at = floating(index);
		ByteBuffer window = buffer(at);
		int i = index(at);
		return (this.type == TypeCode.DOUBLE) ? (double) DOUBLES.getVolatile(window, i)
				: (float) FLOATS.getVolatile(window, i);
	}

	/**
	 * Writes a floating-point item, with volatile semantics; a {@code 'f'} item keeps the
	 * nearest float.
	 * @param index the index
	 * @param value the value
	 */
	public void setDouble(int index, double value) {
		long at = floating(index);
		ByteBuffer window = buffer(at);
		int i = index(at);
		if (this.type == TypeCode.DOUBLE) {
			DOUBLES.setVolatile(window, i, value);
		}
		else {
			FLOATS.setVolatile(window, i, (float) value);
		}
	}

	/**
	 * Sets a floating-point item to {@code update} if it holds {@code expected} (compared
	 * bit for bit), atomically.
	 * @param index the index
	 * @param expected the value expected
	 * @param update the new value
	 * @return whether it was set
	 */
	public boolean compareAndSetDouble(int index, double expected, double update) {
		long at = floating(index);
		ByteBuffer window = buffer(at);
		int i = index(at);
		if (this.type == TypeCode.DOUBLE) {
			return DOUBLES.compareAndSet(window, i, expected, update);
		}
		return FLOATS.compareAndSet(window, i, (float) expected, (float) update);
	}

	/**
	 * Adds to a floating-point item atomically.
	 * @param index the index
	 * @param delta what to add
	 * @return the value after
	 */
	public double addAndGetDouble(int index, double delta) {
		while (true) {
			double before = getDouble(index);
			double after = (this.type == TypeCode.DOUBLE) ? before + delta : (float) (before + delta);
			if (compareAndSetDouble(index, before, after)) {
				return after;
			}
		}
	}

	/**
	 * Copies the integer items out.
	 * @return a new array of them
	 */
	public long[] toLongArray() {
		long[] values = new long[this.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = get(i);
		}
		return values;
	}

	/**
	 * Copies the floating-point items out.
	 * @return a new array of them
	 */
	public double[] toDoubleArray() {
		double[] values = new double[this.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = getDouble(i);
		}
		return values;
	}

	private long widen(int bits) {
		return this.unsigned ? Integer.toUnsignedLong(bits) : bits;
	}

	private long widen(short bits) {
		return this.unsigned ? Short.toUnsignedLong(bits) : bits;
	}

	private long widen(byte bits) {
		return this.unsigned ? Byte.toUnsignedLong(bits) : bits;
	}

	/** Whether a value can be held by a 4-byte item, so comparing it can succeed. */
	private boolean narrowFits(long value) {
		return this.unsigned ? (value >= 0 && value <= 0xFFFF_FFFFL) : (value == (int) value);
	}

	private long address(int index) {
		if (index < 0 || index >= this.length) {
			throw new IndexOutOfBoundsException(
					"Index " + index + " is out of range for " + this + " (indexes 0 to " + (this.length - 1) + ")");
		}
		return this.offset + ((long) index << this.shift);
	}

	/** The window holding the item at an offset, checking that the block is open. */
	private ByteBuffer buffer(long at) {
		ByteBuffer cached = this.window;
		if (cached == null) {
			return this.block.window(at);
		}
		this.block.checkOpen();
		return cached;
	}

	/** Where the item at an offset is in its {@link #buffer(long)}. */
	private int index(long at) {
		return (this.window != null) ? this.base + (int) (at - this.offset) : SharedMemory.index(at);
	}

	private long integer(int index) {
		if (this.floating) {
			throw new IllegalStateException(this + " holds floating-point items: use getDouble/setDouble");
		}
		return address(index);
	}

	private long atomicInteger(int index) {
		long at = integer(index);
		if (this.size < 4) {
			throw new UnsupportedOperationException("Atomic updates need items of 4 or 8 bytes; '" + this.type.code()
					+ "' items have " + this.size + ". Update them under a lock (Array), " + "or use 'i' or 'q'");
		}
		return at;
	}

	private long floating(int index) {
		if (!this.floating) {
			throw new IllegalStateException(this + " holds integer items: use get/set");
		}
		return address(index);
	}

	@Override
	public String toString() {
		return "RawArray('" + this.type.code() + "', " + this.length + " items at " + this.offset + " of block '"
				+ this.block.name() + "')";
	}

}
