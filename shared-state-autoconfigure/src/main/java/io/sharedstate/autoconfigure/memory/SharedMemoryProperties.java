package io.sharedstate.autoconfigure.memory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Same-host shared memory blocks the application declares.
 */
@ConfigurationProperties("shared-state.memory")
public class SharedMemoryProperties {

	/**
	 * Shared memory blocks to open at startup, by name ('/dev/shm/<name>' on Linux), each
	 * a bean of that name. A block this application creates is removed when it stops.
	 */
	private Map<String, Block> blocks = new LinkedHashMap<>();

	public Map<String, Block> getBlocks() {
		return this.blocks;
	}

	public void setBlocks(Map<String, Block> blocks) {
		this.blocks = blocks;
	}

	/**
	 * A declared block.
	 */
	public static class Block {

		/**
		 * Size to create the block with when it does not exist; an existing block must be
		 * at least this large. Required unless 'create' is false.
		 */
		private DataSize size;

		/**
		 * Whether to create the block when it does not exist. When false, the block must
		 * exist (made by another process, Java or Python) and is attached to.
		 */
		private boolean create = true;

		public DataSize getSize() {
			return this.size;
		}

		public void setSize(DataSize size) {
			this.size = size;
		}

		public boolean isCreate() {
			return this.create;
		}

		public void setCreate(boolean create) {
			this.create = create;
		}

	}

}
