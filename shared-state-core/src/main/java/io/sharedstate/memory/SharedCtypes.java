package io.sharedstate.memory;

import java.util.Objects;
import java.util.concurrent.locks.Lock;

/**
 * The helpers of Python's {@code sharedctypes}: {@code synchronized(obj, lock)} (spelt
 * {@code synchronize}, {@code synchronized} being a Java keyword) and {@code copy(obj)}.
 */
public final class SharedCtypes {

	private SharedCtypes() {
	}

	/**
	 * Wraps a raw array so that every operation holds a lock, like Python's
	 * {@code synchronized(obj, lock)}.
	 * @param raw the array
	 * @param lock any lock: a {@link MemoryLock} to exclude other processes, a manager's
	 * {@code lock(name)}, or a plain {@code ReentrantLock} for threads of one process
	 * @return the synchronized array
	 */
	public static Array synchronize(RawArray raw, Lock lock) {
		return new Array(Objects.requireNonNull(raw, "raw"), Objects.requireNonNull(lock, "lock"));
	}

	/**
	 * Wraps a raw value so that every operation holds a lock.
	 * @param raw the value
	 * @param lock the lock
	 * @return the synchronized value
	 */
	public static Value synchronize(RawValue raw, Lock lock) {
		return new Value(synchronize(raw.asArray(), lock));
	}

	/**
	 * Copies a raw array into a new block under a fresh name ({@code psm_...}), like
	 * Python's {@code copy(obj)}. The caller owns the new block and unlinks it.
	 * @param raw the array
	 * @return the copy
	 */
	public static RawArray copy(RawArray raw) {
		long bytes = (long) raw.length() * raw.typeCode().size();
		SharedMemory block = SharedMemory.create(bytes);
		long from = raw.offset();
		byte[] chunk = new byte[(int) Math.min(bytes, 1 << 20)];
		for (long done = 0; done < bytes; done += chunk.length) {
			int length = (int) Math.min(chunk.length, bytes - done);
			raw.block().get(from + done, chunk, 0, length);
			block.put(done, chunk, 0, length);
		}
		return RawArray.of(block, raw.typeCode().code());
	}

	/**
	 * Copies a raw value into a new block under a fresh name.
	 * @param raw the value
	 * @return the copy
	 */
	public static RawValue copy(RawValue raw) {
		RawArray copy = copy(raw.asArray());
		return RawValue.of(copy.block(), copy.typeCode().code(), 0);
	}

}
