package io.sharedstate.memory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A named block of memory shared by the processes of one host, like Python's
 * {@code multiprocessing.shared_memory.SharedMemory}. On Linux the block is
 * {@code /dev/shm/<name>}, where Python's {@code SharedMemory(name)} looks, so a Java and
 * a Python process share the same bytes.
 *
 * <pre>{@code
 * try (SharedMemory block = SharedMemory.create("prices", 8 * 1024)) {
 *     block.putLong(0, 42);          // python: struct.unpack_from("q", shm.buf, 0)
 *     ...
 *     block.unlink();                // the name goes; mappings stay valid until closed
 * }
 * }</pre>
 *
 * <p>
 * Reads and writes through this class are plain accesses in little-endian (C) layout,
 * with no ordering between processes: for values that other processes update concurrently
 * use {@link RawValue}, {@link RawArray} or a {@link MemoryLock}. Blocks of any size
 * work: the block is mapped in overlapping windows of up to 2 GiB, so that any range of
 * up to {@link #MAX_VIEW} bytes is one {@link ByteBuffer}.
 *
 * <p>
 * Lifecycle, as in Python: {@link #close()} ends this object's use of the block (the
 * memory itself is released once no process maps it), {@link #unlink()} removes the name
 * so nobody else can attach. One process, usually the creator, unlinks. A Python process
 * up to 3.12 that merely attaches to a block unlinks it when it exits (its resource
 * tracker); {@link #isLinked()} tells whether that happened, and docs/shared-memory.md
 * gives the fix on the Python side.
 *
 * <p>
 * This object is thread-safe. After {@link #close()} every access fails with
 * {@link IllegalStateException}; Java 17 cannot unmap memory safely while another thread
 * might still use it, so the mapping itself goes when the garbage collector frees it.
 */
public final class SharedMemory implements AutoCloseable {

	/** The longest range one {@link #buffer(long, int)} view can cover: 1 GiB less 8. */
	public static final int MAX_VIEW = (1 << 30) - 8;

	/** Offsets are split into a window number and an index within it. */
	static final int WINDOW_BITS = 30;

	private static final long WINDOW_STEP = 1L << WINDOW_BITS;

	private static final long WINDOW_MASK = WINDOW_STEP - 1;

	/**
	 * Each window maps this much, so neighbouring windows overlap by a little under 1
	 * GiB.
	 */
	private static final int WINDOW_LENGTH = Integer.MAX_VALUE - 7;

	/** How long {@link #openOrCreate} waits for a block another process is creating. */
	private static final long SIZING_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(2);

	private final String name;

	private final Path path;

	private final long size;

	private final Object fileKey;

	private final boolean created;

	private volatile ByteBuffer[] windows;

	private volatile boolean unlinked;

	private SharedMemory(String name, Path path, long size, Object fileKey, boolean created, ByteBuffer[] windows) {
		this.name = name;
		this.path = path;
		this.size = size;
		this.fileKey = fileKey;
		this.created = created;
		this.windows = windows;
	}

	/**
	 * Creates a block, zero-filled, like {@code SharedMemory(name, create=True, size)}.
	 * @param name the name; Python opens it as {@code SharedMemory(name)}
	 * @param size its size in bytes
	 * @return the block, mapped
	 * @throws BlockExistsException if a block of that name exists
	 * @throws IllegalArgumentException if the size is not positive or the name cannot
	 * name a block
	 * @throws SharedMemoryException if it cannot be created
	 */
	public static SharedMemory create(String name, long size) {
		if (size <= 0) {
			throw new IllegalArgumentException(
					"Shared memory block '" + name + "' needs a positive size in bytes, not " + size);
		}
		Path path = BlockFiles.path(name);
		BlockFiles.checkSpace(path.getParent(), name, size);
		try {
			Files.createFile(path, BlockFiles.ownerOnly("rw-------"));
		}
		catch (FileAlreadyExistsException ex) {
			throw new BlockExistsException("A shared memory block named '" + name + "' exists already (" + path
					+ "): attach to it with SharedMemory.attach(\"" + name + "\"), or choose another name");
		}
		catch (IOException ex) {
			throw new SharedMemoryException("Cannot create shared memory block '" + name + "' (" + path + "): " + ex,
					ex);
		}
		try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
			file.setLength(size);
			return new SharedMemory(name, path, size, fileKey(path), true, map(file.getChannel(), size));
		}
		catch (IOException | RuntimeException ex) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw new SharedMemoryException(
					"Cannot create shared memory block '" + name + "' of " + size + " bytes (" + path + "): " + ex, ex);
		}
	}

	/**
	 * Creates a block under a fresh name like Python's, {@code psm_} and 8 hex digits,
	 * like {@code SharedMemory(create=True, size=size)}.
	 * @param size its size in bytes
	 * @return the block; {@link #name()} tells others where to find it
	 * @throws IllegalArgumentException if the size is not positive
	 */
	public static SharedMemory create(long size) {
		while (true) {
			try {
				return create(BlockFiles.generatedName(), size);
			}
			catch (BlockExistsException ex) {
				// taken by chance: draw another, as Python does
			}
		}
	}

	/**
	 * Attaches to an existing block, like {@code SharedMemory(name)}. Its size is the
	 * size of the file.
	 * @param name the name
	 * @return the block, mapped
	 * @throws BlockNotFoundException if there is no block of that name
	 * @throws SharedMemoryException if it cannot be opened or is empty
	 */
	public static SharedMemory attach(String name) {
		Path path = BlockFiles.path(name);
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long size = channel.size();
			if (size == 0) {
				throw new SharedMemoryException("Shared memory block '" + name + "' (" + path
						+ ") is empty: its creator has not sized it yet, or it is not a block");
			}
			return new SharedMemory(name, path, size, fileKey(path), false, map(channel, size));
		}
		catch (NoSuchFileException ex) {
			throw notFound(name, path);
		}
		catch (AccessDeniedException ex) {
			throw new SharedMemoryException("Cannot open shared memory block '" + name + "' (" + path
					+ "): access denied. Blocks are readable and writable by their creator's user only.", ex);
		}
		catch (IOException ex) {
			throw new SharedMemoryException("Cannot attach to shared memory block '" + name + "' (" + path + "): " + ex,
					ex);
		}
	}

	/**
	 * Attaches to a block, or creates it when it does not exist, so that several
	 * processes starting in any order end up sharing one block. A block being created by
	 * another process at that moment is waited for, briefly, until it has its size.
	 * @param name the name
	 * @param size the size to create it with; an existing block must be at least as large
	 * @return the block; {@link #isCreator()} tells which happened
	 * @throws SharedMemoryException if the existing block is smaller than {@code size}
	 */
	public static SharedMemory openOrCreate(String name, long size) {
		long deadline = System.nanoTime() + SIZING_PATIENCE_NANOS;
		while (true) {
			SharedMemory block;
			try {
				return create(name, size);
			}
			catch (BlockExistsException exists) {
				block = attachSized(name, deadline);
			}
			if (block == null) {
				continue; // removed in between: create it again
			}
			if (block.size() < size) {
				block.close();
				throw new SharedMemoryException(
						"Shared memory block '" + name + "' exists with " + block.size() + " bytes, fewer than the "
								+ size + " asked for: remove it, or ask for at most " + block.size());
			}
			return block;
		}
	}

	/**
	 * Attaches, waiting until the deadline while the block has no size yet; null if it is
	 * gone.
	 */
	private static SharedMemory attachSized(String name, long deadline) {
		while (true) {
			try {
				return attach(name);
			}
			catch (BlockNotFoundException gone) {
				return null;
			}
			catch (SharedMemoryException empty) {
				if (System.nanoTime() > deadline) {
					throw empty;
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		}
	}

	private static ByteBuffer[] map(FileChannel channel, long size) throws IOException {
		ByteBuffer[] windows = new ByteBuffer[(int) ((size - 1) >>> WINDOW_BITS) + 1];
		for (int i = 0; i < windows.length; i++) {
			long start = i * WINDOW_STEP;
			long length = Math.min(size - start, WINDOW_LENGTH);
			windows[i] = channel.map(FileChannel.MapMode.READ_WRITE, start, length).order(ByteOrder.LITTLE_ENDIAN);
		}
		return windows;
	}

	private static Object fileKey(Path path) throws IOException {
		return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
	}

	static BlockNotFoundException notFound(String name, Path path) {
		return new BlockNotFoundException("No shared memory block named '" + name + "' (" + path
				+ "). Check the name (Python's SharedMemory.name, no leading '/') and that its creator runs on this "
				+ "host. If a Python process (3.12 or older) attached to it and exited, Python's resource tracker "
				+ "removed it: see docs/shared-memory.md, 'Lifecycle'.");
	}

	/**
	 * Returns the block's name, as Python's {@code SharedMemory.name} shows it.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the block's size in bytes.
	 * @return the size
	 */
	public long size() {
		return this.size;
	}

	/**
	 * Returns the file that holds the block.
	 * @return {@code /dev/shm/<name>} on Linux
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Returns whether this object created the block (rather than attached to it); the
	 * creator is the usual one to {@link #unlink()} it.
	 * @return whether this process created it
	 */
	public boolean isCreator() {
		return this.created;
	}

	/**
	 * Returns whether this object's use of the block has ended.
	 * @return whether {@link #close()} was called
	 */
	public boolean isClosed() {
		return this.windows == null;
	}

	/**
	 * Returns whether the block's name still leads to this block: false once any process
	 * unlinked it (including a Python process's resource tracker at exit), even if a new
	 * block took the name. The memory stays usable through this object either way, but
	 * nobody can attach to it any more.
	 * @return whether other processes can still attach to it
	 */
	public boolean isLinked() {
		try {
			return this.fileKey.equals(fileKey(this.path));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Ends this object's use of the block, like Python's {@code close()}; the block and
	 * its contents stay for the other processes. Idempotent.
	 */
	@Override
	public void close() {
		this.windows = null;
	}

	/**
	 * Removes the block's name, like Python's {@code unlink()}: no process can attach to
	 * it afterwards; those that have it mapped keep using it until they close it, and the
	 * memory is freed when the last one has. Call it once, from one process.
	 * @throws BlockNotFoundException if the block was removed already, by another process
	 * (for instance the resource tracker of a Python process that attached to it and
	 * exited)
	 * @throws SharedMemoryException if the name now belongs to another block, which is
	 * left alone, or the file cannot be removed
	 */
	public void unlink() {
		Object current;
		try {
			current = fileKey(this.path);
		}
		catch (NoSuchFileException ex) {
			throw new BlockNotFoundException("Shared memory block '" + this.name + "' (" + this.path
					+ ") was removed already by another process. If a Python process (3.12 or older) attached to it, "
					+ "its resource tracker removed it when that process exited: see docs/shared-memory.md, "
					+ "'Lifecycle'.");
		}
		catch (IOException ex) {
			throw new SharedMemoryException("Cannot remove shared memory block '" + this.name + "': " + ex, ex);
		}
		if (!this.fileKey.equals(current)) {
			throw new SharedMemoryException("Shared memory block '" + this.name + "' was removed by another process, "
					+ "and a new block now has its name; that one is left alone");
		}
		try {
			Files.delete(this.path);
			this.unlinked = true;
		}
		catch (NoSuchFileException ex) {
			throw new BlockNotFoundException(
					"Shared memory block '" + this.name + "' was removed by another process at the same time");
		}
		catch (IOException ex) {
			throw new SharedMemoryException("Cannot remove shared memory block '" + this.name + "': " + ex, ex);
		}
	}

	/**
	 * Returns whether {@link #unlink()} removed the block through this object.
	 * @return whether this object unlinked it
	 */
	boolean unlinkedHere() {
		return this.unlinked;
	}

	/**
	 * Returns the whole block as one little-endian buffer, independent of other views.
	 * @return a buffer of {@link #size()} bytes
	 * @throws IllegalStateException if the block is closed, or larger than
	 * {@link #MAX_VIEW}: use {@link #buffer(long, int)} for parts of it
	 */
	public ByteBuffer buffer() {
		if (this.size > MAX_VIEW) {
			throw new IllegalStateException("Shared memory block '" + this.name + "' has " + this.size
					+ " bytes, more than one ByteBuffer holds: use buffer(offset, length) for up to " + MAX_VIEW
					+ " bytes at a time");
		}
		return buffer(0, (int) this.size);
	}

	/**
	 * Returns part of the block as a little-endian buffer whose index 0 is the block's
	 * byte {@code offset}.
	 * @param offset where the view starts
	 * @param length how many bytes it covers, at most {@link #MAX_VIEW}
	 * @return the view
	 * @throws IndexOutOfBoundsException if the range is not inside the block
	 * @throws IllegalStateException if the block is closed
	 */
	public ByteBuffer buffer(long offset, int length) {
		if (length > MAX_VIEW) {
			throw new IllegalArgumentException("A view covers at most " + MAX_VIEW + " bytes; " + length
					+ " were asked of block '" + this.name + "'");
		}
		checkRange(offset, length);
		if (length == 0) {
			return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
		}
		return window(offset).slice(index(offset), length).order(ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * Reads a byte.
	 * @param offset where
	 * @return the byte
	 */
	public byte getByte(long offset) {
		checkRange(offset, 1);
		return window(offset).get(index(offset));
	}

	/**
	 * Writes a byte.
	 * @param offset where
	 * @param value the byte
	 */
	public void putByte(long offset, byte value) {
		checkRange(offset, 1);
		window(offset).put(index(offset), value);
	}

	/**
	 * Reads a little-endian 32-bit integer.
	 * @param offset where
	 * @return the value
	 */
	public int getInt(long offset) {
		checkRange(offset, 4);
		return window(offset).getInt(index(offset));
	}

	/**
	 * Writes a little-endian 32-bit integer.
	 * @param offset where
	 * @param value the value
	 */
	public void putInt(long offset, int value) {
		checkRange(offset, 4);
		window(offset).putInt(index(offset), value);
	}

	/**
	 * Reads a little-endian 64-bit integer, Python's {@code struct} format {@code q}.
	 * @param offset where
	 * @return the value
	 */
	public long getLong(long offset) {
		checkRange(offset, 8);
		return window(offset).getLong(index(offset));
	}

	/**
	 * Writes a little-endian 64-bit integer.
	 * @param offset where
	 * @param value the value
	 */
	public void putLong(long offset, long value) {
		checkRange(offset, 8);
		window(offset).putLong(index(offset), value);
	}

	/**
	 * Reads a little-endian IEEE 754 double, Python's {@code struct} format {@code d}.
	 * @param offset where
	 * @return the value
	 */
	public double getDouble(long offset) {
		checkRange(offset, 8);
		return window(offset).getDouble(index(offset));
	}

	/**
	 * Writes a little-endian IEEE 754 double.
	 * @param offset where
	 * @param value the value
	 */
	public void putDouble(long offset, double value) {
		checkRange(offset, 8);
		window(offset).putDouble(index(offset), value);
	}

	/**
	 * Copies bytes out of the block.
	 * @param offset where to start reading
	 * @param destination where to copy to
	 * @param start the first index of {@code destination} written
	 * @param length how many bytes
	 */
	public void get(long offset, byte[] destination, int start, int length) {
		Objects.checkFromIndexSize(start, length, destination.length);
		checkRange(offset, length);
		if (length > 0) {
			window(offset).get(index(offset), destination, start, length);
		}
	}

	/**
	 * Copies bytes into the block.
	 * @param offset where to start writing
	 * @param source what to copy
	 * @param start the first index of {@code source} read
	 * @param length how many bytes
	 */
	public void put(long offset, byte[] source, int start, int length) {
		Objects.checkFromIndexSize(start, length, source.length);
		checkRange(offset, length);
		if (length > 0) {
			window(offset).put(index(offset), source, start, length);
		}
	}

	/**
	 * Returns the mapped window that holds the bytes from {@code offset} on; index it
	 * with {@link #index(long)}. Any range of up to {@link #MAX_VIEW} bytes lies in one.
	 * @param offset an offset in the block
	 * @return the window
	 * @throws IllegalStateException if the block is closed
	 */
	ByteBuffer window(long offset) {
		ByteBuffer[] mapped = this.windows;
		if (mapped == null) {
			throw closed();
		}
		return mapped[(int) (offset >>> WINDOW_BITS)];
	}

	/**
	 * Checks that this object's use of the block has not ended.
	 * @throws IllegalStateException if the block is closed
	 */
	void checkOpen() {
		if (this.windows == null) {
			throw closed();
		}
	}

	private IllegalStateException closed() {
		return new IllegalStateException(
				"Shared memory block '" + this.name + "' is closed in this process; attach to it again to use it");
	}

	/**
	 * Returns where an offset is inside its {@link #window(long)}.
	 * @param offset an offset in the block
	 * @return the index in the window
	 */
	static int index(long offset) {
		return (int) (offset & WINDOW_MASK);
	}

	/**
	 * Checks that a range lies inside the block.
	 * @param offset where it starts
	 * @param length how long it is
	 * @throws IndexOutOfBoundsException if it does not
	 */
	void checkRange(long offset, long length) {
		if (offset < 0 || length < 0 || offset > this.size - length) {
			throw new IndexOutOfBoundsException("Bytes " + offset + " to " + (offset + length) + " are outside shared "
					+ "memory block '" + this.name + "' of " + this.size + " bytes");
		}
	}

	@Override
	public String toString() {
		return "SharedMemory('" + this.name + "', size=" + this.size + ")";
	}

}
