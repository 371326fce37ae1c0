package io.sharedstate.memory;

import java.util.concurrent.locks.Lock;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * A fixed-length array of C numbers in shared memory with a cross-process lock, like
 * Python's {@code sharedctypes.Array(typecode, n)} (whose {@code lock=True} default it
 * follows): every operation holds the lock, and {@link #getLock()} is the lock to hold
 * around several of them. The lock is reentrant, so
 *
 * <pre>{@code
 * Array counts = Array.create("counts", 'q', 16);
 * counts.getLock().lock();
 * try {
 *     counts.set(3, counts.get(3) + 1);   // python: with arr.get_lock(): arr[3] += 1
 * }
 * finally {
 *     counts.getLock().unlock();
 * }
 * }</pre>
 *
 * <p>
 * A block made by {@link #create(String, char, int)} holds the items from offset 0, as a
 * C array Python reads with {@code (ctypes.c_double * n).from_buffer(shm.buf)}, and after
 * them, 8-byte aligned, a trailer Python ignores:
 *
 * <pre>
 *  size-32  MemoryLock (16 bytes)
 *  size-16  length, q
 *  size-8   magic "SSAR", then the type code as one byte, then 3 zero bytes
 * </pre>
 *
 * Python cannot take the lock (see {@link MemoryLock}); coordinate Python writers
 * differently, or let them only read.
 */
public final class Array {

	static final int TRAILER = 32;

	private static final int MAGIC = 0x52415353; // "SSAR" little-endian

	private final RawArray raw;

	private final Lock lock;

	Array(RawArray raw, Lock lock) {
		this.raw = raw;
		this.lock = lock;
	}

	/**
	 * Returns the size of a block that holds a synchronized array.
	 * @param typeCode the items' type code
	 * @param length how many items
	 * @return the size in bytes
	 */
	public static long requiredSize(char typeCode, int length) {
		long data = (long) length * TypeCode.of(typeCode).size();
		return ((data + 7) & ~7L) + TRAILER;
	}

	/**
	 * Creates a block holding a zeroed synchronized array.
	 * @param name the block's name
	 * @param typeCode Python's type code, like {@code 'd'}
	 * @param length how many items
	 * @return the array
	 * @throws BlockExistsException if the name is taken
	 */
	public static Array create(String name, char typeCode, int length) {
		SharedMemory block = SharedMemory.create(name, requiredSize(typeCode, length));
		try {
			return create(block, typeCode, length);
		}
		catch (RuntimeException ex) {
			block.unlink();
			throw ex;
		}
	}

	/**
	 * Lays out a synchronized array in a zeroed block of at least
	 * {@link #requiredSize(char, int)} bytes, for instance one made through
	 * {@code SharedState.memory()}.
	 * @param block the block
	 * @param typeCode the items' type code
	 * @param length how many items
	 * @return the array
	 * @throws IllegalArgumentException if the block is too small
	 */
	public static Array create(SharedMemory block, char typeCode, int length) {
		long required = requiredSize(typeCode, length);
		if (block.size() < required || block.size() % 8 != 0) {
			throw new IllegalArgumentException("A synchronized array of " + length + " '" + typeCode
					+ "' needs a block " + "whose size is a multiple of 8 and at least " + required + " bytes; '"
					+ block.name() + "' has " + block.size());
		}
		long trailer = block.size() - TRAILER;
		block.putLong(trailer + MemoryLock.SIZE, length);
		block.putInt(trailer + 24, MAGIC);
		block.putByte(trailer + 28, (byte) typeCode);
		return of(block);
	}

	/**
	 * Attaches to a block made by {@link #create(String, char, int)}.
	 * @param name the block's name
	 * @return the array
	 * @throws BlockNotFoundException if there is no such block
	 * @throws SharedMemoryException if the block holds no synchronized array
	 */
	public static Array attach(String name) {
		return of(SharedMemory.attach(name));
	}

	/**
	 * Returns the synchronized array a block holds.
	 * @param block the block
	 * @return the array
	 * @throws SharedMemoryException if the block holds no synchronized array
	 */
	public static Array of(SharedMemory block) {
		long trailer = block.size() - TRAILER;
		if (trailer < 0 || block.size() % 8 != 0 || block.getInt(trailer + 24) != MAGIC) {
			throw new SharedMemoryException("Block '" + block.name() + "' holds no synchronized Array (it has no "
					+ "Array trailer at its end). For a plain C array, as Python writes one, use RawArray.of(block, "
					+ "typeCode) and a lock of your own (SharedCtypes.synchronize).");
		}
		char typeCode = (char) block.getByte(trailer + 28);
		long length = block.getLong(trailer + MemoryLock.SIZE);
		if (length <= 0 || length > Integer.MAX_VALUE || requiredSize(typeCode, (int) length) > block.size()) {
			throw new SharedMemoryException("Block '" + block.name() + "' has a damaged Array trailer: length " + length
					+ " of '" + typeCode + "'");
		}
		return new Array(RawArray.of(block, typeCode, 0, (int) length), MemoryLock.of(block, trailer));
	}

	/**
	 * Returns the lock every operation holds, like Python's {@code get_lock()}: a
	 * reentrant {@link MemoryLock} for arrays made by {@code create} or {@code attach},
	 * the lock given to {@link SharedCtypes#synchronize(RawArray, Lock)} otherwise.
	 * @return the lock
	 */
	public Lock getLock() {
		return this.lock;
	}

	/**
	 * Returns the items without the lock, like Python's {@code get_obj()}.
	 * @return the raw array
	 */
	public RawArray raw() {
		return this.raw;
	}

	/**
	 * Returns the items' type.
	 * @return the type
	 */
	public TypeCode typeCode() {
		return this.raw.typeCode();
	}

	/**
	 * Returns how many items the array has.
	 * @return the length
	 */
	public int length() {
		return this.raw.length();
	}

	/**
	 * Returns the block the array lives in.
	 * @return the block
	 */
	public SharedMemory block() {
		return this.raw.block();
	}

	/**
	 * Reads an integer item under the lock.
	 * @param index the index
	 * @return the value
	 */
	public long get(int index) {
		return locked(() -> this.raw.get(index));
	}

	/**
	 * Writes an integer item under the lock.
	 * @param index the index
	 * @param value the value
	 * @throws IllegalArgumentException if it does not fit the type
	 */
	public void set(int index, long value) {
		locked(() -> {
			this.raw.set(index, value);
			return value;
		});
	}

	/**
	 * Replaces an integer item with a function of it, under the lock.
	 * @param index the index
	 * @param update computes the new value from the old
	 * @return the new value
	 */
	public long updateAndGet(int index, LongUnaryOperator update) {
		return locked(() -> {
			long value = update.applyAsLong(this.raw.get(index));
			this.raw.set(index, value);
			return value;
		});
	}

	/**
	 * Adds to an integer item under the lock, wrapping around at the type's width; works
	 * for items of any size.
	 * @param index the index
	 * @param delta what to add
	 * @return the value after
	 */
	public long addAndGet(int index, long delta) {
		return updateAndGet(index, (value) -> this.raw.typeCode().wrap(value + delta));
	}

	/**
	 * Reads a floating-point item under the lock.
	 * @param index the index
	 * @return the value
	 */
	public double getDouble(int index) {
		return lockedDouble(() -> this.raw.getDouble(index));
	}

	/**
	 * Writes a floating-point item under the lock.
	 * @param index the index
	 * @param value the value
	 */
	public void setDouble(int index, double value) {
		lockedDouble(() -> {
			this.raw.setDouble(index, value);
			return value;
		});
	}

	/**
	 * Adds to a floating-point item under the lock.
	 * @param index the index
	 * @param delta what to add
	 * @return the value after
	 */
	public double addAndGetDouble(int index, double delta) {
		return lockedDouble(() -> {
			this.raw.setDouble(index, this.raw.getDouble(index) + delta);
			return this.raw.getDouble(index);
		});
	}

	/**
	 * Copies the integer items out under the lock, as one consistent snapshot.
	 * @return a new array of them
	 */
	public long[] toLongArray() {
		this.lock.lock();
		try {
			return this.raw.toLongArray();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Copies the floating-point items out under the lock, as one consistent snapshot.
	 * @return a new array of them
	 */
	public double[] toDoubleArray() {
		this.lock.lock();
		try {
			return this.raw.toDoubleArray();
		}
		finally {
			this.lock.unlock();
		}
	}

	private long locked(LongSupplier operation) {
		this.lock.lock();
		try {
			return operation.getAsLong();
		}
		finally {
			this.lock.unlock();
		}
	}

	private double lockedDouble(DoubleSupplier operation) {
		this.lock.lock();
		try {
			return operation.getAsDouble();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public String toString() {
		return "Array('" + typeCode().code() + "', " + length() + " items in block '" + block().name() + "')";
	}

}
