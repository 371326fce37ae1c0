package io.sharedstate.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * A reentrant lock that lives in {@value #SIZE} bytes of shared memory and excludes every
 * thread of every process that uses the same bytes, with no server. It survives its
 * holder: the holder's pid and process start time are recorded in the lock, and a waiter
 * that finds that process gone takes the lock over and is told so by
 * {@link #holderDied()}, like a POSIX robust mutex or the manager's locks.
 *
 * <pre>
 *  offset 0   owner: pid (22 bits) | process start time (42 bits); 0 when free
 *  offset 8   thread id of the holder, for inspection
 * </pre>
 *
 * <p>
 * Waiting spins briefly, then yields, then parks with pauses that double up to
 * {@value #MAX_PAUSE_MICROS} µs, checking every {@value #LIVENESS_CHECK_MILLIS} ms
 * whether the holder still runs. There is no queue: waiters are not served in order, and
 * a release is noticed within one pause. Re-entry is counted per lock object: take a lock
 * through one object per process (several threads may share it).
 *
 * <p>
 * This lock is for Java processes: Python's {@code sharedctypes} locks are semaphores in
 * anonymous memory that no other process can open, so Python cannot take this one.
 */
public final class MemoryLock implements Lock {

	/** The bytes a lock occupies, 8-byte aligned. */
	public static final int SIZE = 16;

	static final int MAX_PAUSE_MICROS = 1000;

	static final int LIVENESS_CHECK_MILLIS = 5;

	private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int SPINS = 100;

	private static final int YIELDS = 10;

	private static final long MIN_PAUSE_NANOS = 1_000;

	private final SharedMemory block;

	private final long offset;

	private volatile Thread holder;

	private int holds;

	private boolean holderDied;

	private MemoryLock(SharedMemory block, long offset) {
		this.block = block;
		this.offset = offset;
	}

	/**
	 * Returns the lock at an offset of a block. Zeroed bytes are a free lock, so a new
	 * block needs no formatting.
	 * @param block the block
	 * @param offset where the lock's {@value #SIZE} bytes start; a multiple of 8
	 * @return the lock
	 * @throws IllegalArgumentException if the offset is not a multiple of 8
	 * @throws IndexOutOfBoundsException if the lock does not fit in the block
	 */
	public static MemoryLock of(SharedMemory block, long offset) {
		if (offset % 8 != 0) {
			throw new IllegalArgumentException("A shared memory lock must start at a multiple of 8, not at " + offset
					+ " of block '" + block.name() + "'");
		}
		block.checkRange(offset, SIZE);
		return new MemoryLock(block, offset);
	}

	/**
	 * Creates a block that holds only a lock.
	 * @param name the block's name
	 * @return the lock
	 * @throws BlockExistsException if the name is taken
	 */
	public static MemoryLock create(String name) {
		return of(SharedMemory.create(name, SIZE), 0);
	}

	/**
	 * Attaches to a block made by {@link #create(String)}.
	 * @param name the block's name
	 * @return the lock
	 * @throws BlockNotFoundException if there is no such block
	 */
	public static MemoryLock attach(String name) {
		return of(SharedMemory.attach(name), 0);
	}

	/**
	 * Returns the block the lock lives in.
	 * @return the block
	 */
	public SharedMemory block() {
		return this.block;
	}

	/**
	 * Acquires the lock, waiting as long as it takes. An interrupt does not stop the
	 * wait; the thread's interrupt status is kept.
	 */
	@Override
	public void lock() {
		boolean interrupted = false;
		while (true) {
			try {
				acquire(Long.MAX_VALUE, true);
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Acquires the lock unless the thread is interrupted while waiting.
	 * @throws InterruptedException if interrupted; the lock is not held then
	 */
	@Override
	public void lockInterruptibly() throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		acquire(Long.MAX_VALUE, true);
	}

	/**
	 * Acquires the lock if it is free now, or held by this thread, or held by a process
	 * that is gone.
	 * @return whether the lock is held now
	 */
	@Override
	public boolean tryLock() {
		try {
			return acquire(0, false);
		}
		catch (InterruptedException ex) {
			throw new AssertionError("A wait of no time was interrupted", ex);
		}
	}

	/**
	 * Acquires the lock if it becomes free within the time.
	 * @param time the longest wait
	 * @param unit the unit of {@code time}
	 * @return whether the lock was acquired
	 * @throws InterruptedException if interrupted while waiting; the lock is not held
	 */
	@Override
	public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long nanos = unit.toNanos(time);
		return acquire((nanos <= 0) ? 0 : System.nanoTime() + nanos, true);
	}

	/**
	 * Releases one hold; the last one frees the lock for the other threads and processes.
	 * @throws IllegalMonitorStateException if the calling thread does not hold the lock
	 */
	@Override
	public void unlock() {
		if (this.holder != Thread.currentThread()) {
			throw new IllegalMonitorStateException("The current thread does not hold the shared memory lock at "
					+ this.offset + " of block '" + this.block.name() + "'");
		}
		if (--this.holds > 0) {
			return;
		}
		this.holderDied = false;
		this.holder = null;
		ByteBuffer window = this.block.window(this.offset);
		int index = SharedMemory.index(this.offset);
		LONGS.setOpaque(window, index + 8, 0L);
		LONGS.setRelease(window, index, 0L);
	}

	/**
	 * Returns whether the calling thread got the lock from a holder that died holding it:
	 * the state the lock protects may be half-updated; check and repair it.
	 * @return whether the previous holder died holding the lock
	 * @throws IllegalMonitorStateException if the calling thread does not hold the lock
	 */
	public boolean holderDied() {
		if (this.holder != Thread.currentThread()) {
			throw new IllegalMonitorStateException("The current thread does not hold the shared memory lock at "
					+ this.offset + " of block '" + this.block.name() + "'");
		}
		return this.holderDied;
	}

	/**
	 * Returns whether a thread of any process holds the lock (a dead holder included,
	 * until someone takes it over).
	 * @return whether it is held
	 */
	public boolean isLocked() {
		return owner() != 0;
	}

	/**
	 * Returns whether the calling thread holds the lock through this object.
	 * @return whether it does
	 */
	public boolean isHeldByCurrentThread() {
		return this.holder == Thread.currentThread();
	}

	/**
	 * Returns the pid of the process holding the lock.
	 * @return the pid, or empty when the lock is free
	 */
	public OptionalLong holderPid() {
		long owner = owner();
		return (owner != 0) ? OptionalLong.of(Processes.pid(owner)) : OptionalLong.empty();
	}

	/**
	 * Not supported: a condition would need a way to wake threads of other processes.
	 * @return never
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Condition newCondition() {
		throw new UnsupportedOperationException("A shared memory lock has no conditions; for a lock with conditions "
				+ "across processes use the manager's lock(name).newCondition()");
	}

	private long owner() {
		return (long) LONGS.getVolatile(this.block.window(this.offset), SharedMemory.index(this.offset));
	}

	/**
	 * Takes the lock, waiting until the deadline.
	 * @param deadline {@link System#nanoTime()} to give up at; 0 for no wait,
	 * {@link Long#MAX_VALUE} for none
	 * @param interruptible whether an interrupt ends the wait
	 */
	private boolean acquire(long deadline, boolean interruptible) throws InterruptedException {
		Thread me = Thread.currentThread();
		if (this.holder == me) {
			this.holds++;
			return true;
		}
		ByteBuffer window = this.block.window(this.offset);
		int index = SharedMemory.index(this.offset);
		long self = Processes.current();
		long pause = MIN_PAUSE_NANOS;
		long nextLivenessCheck = 0;
		for (int attempt = 0;; attempt++) {
			long owner = (long) LONGS.getVolatile(window, index);
			if (owner == 0) {
				if (LONGS.compareAndSet(window, index, 0L, self)) {
					granted(window, index, me, false);
					return true;
				}
				continue;
			}
			// Reading /proc costs microseconds: only when waiting in earnest, or once for
			// tryLock.
			boolean waitedLong = attempt >= SPINS + YIELDS && System.nanoTime() - nextLivenessCheck >= 0;
			if (owner != self && (deadline == 0 || waitedLong)) {
				if (!Processes.isAlive(owner)) {
					if (LONGS.compareAndSet(window, index, owner, self)) {
						granted(window, index, me, true);
						return true;
					}
					continue;
				}
				nextLivenessCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVENESS_CHECK_MILLIS);
			}
			if (deadline == 0 || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)) {
				return false;
			}
			if (attempt < SPINS) {
				Thread.onSpinWait();
			}
			else if (attempt < SPINS + YIELDS) {
				Thread.yield();
			}
			else {
				if (interruptible && Thread.interrupted()) {
					throw new InterruptedException();
				}
				LockSupport.parkNanos(this, pause);
				pause = Math.min(pause * 2, TimeUnit.MICROSECONDS.toNanos(MAX_PAUSE_MICROS));
			}
		}
	}

	private void granted(ByteBuffer window, int index, Thread me, boolean fromDeadHolder) {
		LONGS.setOpaque(window, index + 8, me.getId());
		this.holder = me;
		this.holds = 1;
		this.holderDied = fromDeadHolder;
	}

	@Override
	public String toString() {
		OptionalLong pid = holderPid();
		return "MemoryLock(" + this.block.name() + "@" + this.offset + ", "
				+ (pid.isPresent() ? "held by pid " + pid.getAsLong() : "free") + ")";
	}

}
