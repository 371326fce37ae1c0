package io.sharedstate.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

import io.sharedstate.memory.RawArray;
import io.sharedstate.memory.RawValue;
import io.sharedstate.memory.SharedMemory;
import io.sharedstate.memory.Value;

/**
 * The other JVM of the shared-memory benchmarks: it attaches to the parent's blocks and
 * runs, each time the parent asks through the control block, the other side of one
 * workload for the time asked, then reports how many operations it did. See
 * {@link SharedMemoryBenchmarks}.
 */
final class MemoryWorker {

	/**
	 * Control words: command sequence, operation, duration in ns, count done, sequence
	 * done.
	 */
	static final int SEQUENCE = 0;

	static final int OPERATION = 1;

	static final int DURATION = 2;

	static final int COUNT = 3;

	static final int DONE = 4;

	static final long EXIT = 0;

	static final long INCREMENT = 1;

	static final long LOCKED_INCREMENT = 2;

	static final long ECHO = 3;

	static final long RAW_ECHO = 4;

	/**
	 * Offsets in the data block: a counter, then ping and pong on cache lines of their
	 * own.
	 */
	static final long COUNTER = 0;

	static final long PING = 128;

	static final long PONG = 256;

	static final long DATA_SIZE = 384;

	private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private MemoryWorker() {
	}

	/**
	 * Args: control block, data block, Value block.
	 * @param args the names
	 * @throws Exception if a block cannot be opened
	 */
	public static void main(String[] args) throws Exception {
		RawArray control = RawArray.attach(args[0], 'q');
		SharedMemory data = SharedMemory.attach(args[1]);
		Value value = Value.attach(args[2]);
		long seen = 0;
		while (true) {
			long sequence;
			while ((sequence = control.get(SEQUENCE)) == seen) {
				LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
			}
			seen = sequence;
			long operation = control.get(OPERATION);
			if (operation == EXIT) {
				return;
			}
			long deadline = System.nanoTime() + control.get(DURATION);
			long count = switch ((int) operation) {
				case (int) INCREMENT -> increment(RawValue.of(data, 'q', COUNTER), deadline);
				case (int) LOCKED_INCREMENT -> lockedIncrement(value, deadline);
				case (int) ECHO -> echo(RawValue.of(data, 'q', PING), RawValue.of(data, 'q', PONG));
				case (int) RAW_ECHO -> rawEcho(rawMapping(data));
				default -> throw new IllegalStateException("operation " + operation);
			};
			control.set(COUNT, count);
			control.set(DONE, sequence);
		}
	}

	static long increment(RawValue counter, long deadline) {
		long count = 0;
		do {
			for (int i = 0; i < 256; i++) {
				counter.getAndAdd(1);
			}
			count += 256;
		}
		while (System.nanoTime() < deadline);
		return count;
	}

	static long lockedIncrement(Value value, long deadline) {
		Lock lock = value.getLock();
		RawValue raw = value.raw();
		long count = 0;
		do {
			for (int i = 0; i < 64; i++) {
				lock.lock();
				try {
					raw.set(raw.get() + 1);
				}
				finally {
					lock.unlock();
				}
			}
			count += 64;
		}
		while (System.nanoTime() < deadline);
		return count;
	}

	/** Copies each new ping to pong until the ping is -1. */
	static long echo(RawValue ping, RawValue pong) {
		long last = pong.get();
		long count = 0;
		while (true) {
			long value = ping.get();
			if (value != last) {
				if (value == -1) {
					return count;
				}
				pong.set(value);
				last = value;
				count++;
			}
			else {
				Thread.onSpinWait();
			}
		}
	}

	/**
	 * The same as {@link #echo} on a plain mapping of the block, without this library.
	 */
	static long rawEcho(ByteBuffer buffer) {
		long last = (long) LONGS.getVolatile(buffer, (int) PONG);
		long count = 0;
		while (true) {
			long value = (long) LONGS.getVolatile(buffer, (int) PING);
			if (value != last) {
				if (value == -1) {
					return count;
				}
				LONGS.setVolatile(buffer, (int) PONG, value);
				last = value;
				count++;
			}
			else {
				Thread.onSpinWait();
			}
		}
	}

	/**
	 * Maps a block's file directly, the way a hand-written ping-pong would.
	 * @param block the block
	 * @return a plain mapping of it
	 */
	static ByteBuffer rawMapping(SharedMemory block) {
		Path path = block.path();
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			return channel.map(FileChannel.MapMode.READ_WRITE, 0, block.size()).order(ByteOrder.LITTLE_ENDIAN);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static VarHandle longs() {
		return LONGS;
	}

}
