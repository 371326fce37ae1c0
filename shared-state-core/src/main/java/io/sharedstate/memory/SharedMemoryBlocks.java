package io.sharedstate.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared memory blocks one manager knows, like Python's
 * {@code multiprocessing.managers.SharedMemoryManager}: blocks created here are unlinked
 * when the manager closes, blocks attached to are closed. It lists them, with their
 * sizes, for inspection. Blocks are same-host and per process: a manager's clients have
 * registries of their own.
 *
 * <pre>{@code
 * SharedMemory prices = manager.memory().create("prices", 1 << 20);
 * ShareableList jobs = ShareableList.create(
 *         manager.memory().create("jobs", ShareableList.requiredSize(items)), items);
 * }</pre>
 *
 * Thread-safe.
 */
public final class SharedMemoryBlocks implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SharedMemoryBlocks.class);

	private final List<SharedMemory> blocks = new ArrayList<>();

	private final Map<String, Long> declared = new LinkedHashMap<>();

	private boolean closed;

	/**
	 * Creates a block and remembers it; it is unlinked when the manager closes.
	 * @param name the name
	 * @param size its size in bytes
	 * @return the block
	 * @see SharedMemory#create(String, long)
	 */
	public SharedMemory create(String name, long size) {
		return remember(SharedMemory.create(name, size));
	}

	/**
	 * Creates a block under a fresh name and remembers it.
	 * @param size its size in bytes
	 * @return the block
	 * @see SharedMemory#create(long)
	 */
	public SharedMemory create(long size) {
		return remember(SharedMemory.create(size));
	}

	/**
	 * Attaches to a block, or returns the one this manager has open under that name.
	 * @param name the name
	 * @return the block
	 * @throws BlockNotFoundException if there is no such block
	 */
	public SharedMemory attach(String name) {
		SharedMemory known = find(name);
		return (known != null) ? known : remember(SharedMemory.attach(name));
	}

	/**
	 * Declares a block this manager opens on first use: {@link #open(String)} creates it
	 * with this size if it does not exist, or attaches to it.
	 * @param name the name
	 * @param size the size to create it with; an existing block must be at least this
	 * large
	 */
	public synchronized void declare(String name, long size) {
		BlockFiles.validate(name);
		if (size <= 0) {
			throw new IllegalArgumentException(
					"Shared memory block '" + name + "' needs a positive size in bytes, not " + size);
		}
		this.declared.put(name, size);
	}

	/**
	 * Returns the block of a name: the one this manager has open, or a declared one
	 * (created if it does not exist yet), or an existing one attached to.
	 * @param name the name
	 * @return the block
	 * @throws BlockNotFoundException if the block is neither open, declared nor existing
	 */
	public SharedMemory open(String name) {
		SharedMemory known = find(name);
		if (known != null) {
			return known;
		}
		Long size;
		synchronized (this) {
			size = this.declared.get(name);
		}
		return remember((size != null) ? SharedMemory.openOrCreate(name, size) : SharedMemory.attach(name));
	}

	/**
	 * Lists the blocks this manager has open.
	 * @return the blocks, in the order they were opened
	 */
	public List<BlockInfo> blocks() {
		List<SharedMemory> open = new ArrayList<>();
		synchronized (this) {
			this.blocks.stream().filter((block) -> !block.isClosed()).forEach(open::add);
		}
		return open.stream()
			.map((block) -> new BlockInfo(block.name(), block.size(), block.isCreator(), block.isLinked()))
			.toList();
	}

	/**
	 * Unlinks the blocks this manager created (unless unlinked already through them) and
	 * closes all it knows. A block someone else unlinked already is reported in the log,
	 * with the likely cause.
	 */
	@Override
	public void close() {
		List<SharedMemory> all;
		synchronized (this) {
			this.closed = true;
			all = new ArrayList<>(this.blocks);
			this.blocks.clear();
		}
		for (SharedMemory block : all) {
			if (block.isCreator() && !block.unlinkedHere()) {
				try {
					block.unlink();
				}
				catch (SharedMemoryException ex) {
					logger.warn("{}", ex.getMessage());
				}
			}
			block.close();
		}
	}

	private synchronized SharedMemory find(String name) {
		for (int i = this.blocks.size() - 1; i >= 0; i--) {
			SharedMemory block = this.blocks.get(i);
			if (block.name().equals(name) && !block.isClosed()) {
				return block;
			}
		}
		return null;
	}

	private SharedMemory remember(SharedMemory block) {
		synchronized (this) {
			if (!this.closed) {
				this.blocks.removeIf((known) -> known.isClosed() && (!known.isCreator() || known.unlinkedHere()));
				this.blocks.add(block);
				return block;
			}
		}
		if (block.isCreator()) {
			block.unlink();
		}
		block.close();
		throw new IllegalStateException("The manager is closed; its shared memory is no longer available");
	}

}
