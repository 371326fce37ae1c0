package io.sharedstate.memory;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SharedMemory}: where blocks live, how they are shared, and every error
 * a caller can run into.
 */
@ExtendWith(TestBlocks.class)
class SharedMemoryTests {

	@Test
	void createdBlockIsAZeroedFileInDevShmOnlyItsOwnerCanOpen() throws Exception {
		String name = TestBlocks.name("file");
		try (SharedMemory block = SharedMemory.create(name, 100)) {
			assertThat(block.name()).isEqualTo(name);
			assertThat(block.size()).isEqualTo(100);
			assertThat(block.isCreator()).isTrue();
			assertThat(block.path()).isEqualTo(BlockFiles.DEV_SHM.resolve(name));
			assertThat(Files.size(block.path())).isEqualTo(100);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(block.path())))
				.isEqualTo("rw-------");
			assertThat(block.getLong(0)).isZero();
			assertThat(block.getLong(92)).isZero();
		}
		finally {
			TestBlocks.remove(name);
		}
	}

	@Test
	void attachedBlockSharesTheCreatorsBytesAndSize() {
		String name = TestBlocks.name("share");
		try (SharedMemory created = SharedMemory.create(name, 64); SharedMemory attached = SharedMemory.attach(name)) {
			created.putLong(8, 0x0102030405060708L);
			created.putDouble(16, 2.5);
			created.put(24, "hello".getBytes(), 0, 5);
			assertThat(attached.size()).isEqualTo(64);
			assertThat(attached.isCreator()).isFalse();
			assertThat(attached.getLong(8)).isEqualTo(0x0102030405060708L);
			assertThat(attached.getByte(8)).isEqualTo((byte) 0x08); // little-endian
			assertThat(attached.getDouble(16)).isEqualTo(2.5);
			byte[] text = new byte[5];
			attached.get(24, text, 0, 5);
			assertThat(text).asString().isEqualTo("hello");
			attached.putInt(40, -7);
			assertThat(created.getInt(40)).isEqualTo(-7);
			created.unlink();
		}
	}

	@Test
	void generatedNamesLookLikePythons() {
		SharedMemory block = SharedMemory.create(16);
		try {
			assertThat(block.name()).matches("psm_[0-9a-f]{8}");
			assertThat(TestBlocks.exists(block.name())).isTrue();
		}
		finally {
			block.unlink();
			block.close();
		}
		assertThat(TestBlocks.exists(block.name())).isFalse();
	}

	@Test
	void bufferIsALittleEndianViewOfTheBlock() {
		String name = TestBlocks.name("buffer");
		try (SharedMemory block = SharedMemory.create(name, 32)) {
			ByteBuffer whole = block.buffer();
			whole.putLong(0, 99);
			ByteBuffer part = block.buffer(8, 16);
			part.putInt(0, 7);
			assertThat(whole.capacity()).isEqualTo(32);
			assertThat(block.getLong(0)).isEqualTo(99);
			assertThat(block.getInt(8)).isEqualTo(7);
			assertThat(part.capacity()).isEqualTo(16);
			block.unlink();
		}
	}

	@Test
	void blockLargerThanTwoGibibytesIsReadAndWrittenAcrossItsWindows() throws Exception {
		long size = 3L << 30; // sparse: only the pages written take memory
		long free = Files.getFileStore(BlockFiles.directory()).getUsableSpace();
		Assumptions.assumeTrue(free > size, () -> "Skipped: " + BlockFiles.directory() + " has " + free
				+ " bytes free, less than the 3 GiB block this test maps (a container's /dev/shm is often 64 MiB)");
		String name = TestBlocks.name("large");
		try (SharedMemory block = SharedMemory.create(name, size); SharedMemory other = SharedMemory.attach(name)) {
			long[] offsets = { 0, (1L << 30) - 4, (2L << 30) - 8, (2L << 30) + 12, size - 8 };
			for (long offset : offsets) {
				block.putLong(offset, offset ^ 0x5555);
			}
			for (long offset : offsets) {
				assertThat(other.getLong(offset)).as("long at %d", offset).isEqualTo(offset ^ 0x5555);
			}
			ByteBuffer straddling = other.buffer((2L << 30) - 8, 28);
			assertThat(straddling.getLong(0)).isEqualTo(((2L << 30) - 8) ^ 0x5555);
			assertThat(straddling.getLong(8)).isZero();
			assertThat(straddling.getLong(20)).isEqualTo(((2L << 30) + 12) ^ 0x5555);
			assertThatIllegalStateException().isThrownBy(block::buffer).withMessageContaining("buffer(offset, length)");
			block.unlink();
		}
	}

	@Test
	void attachingToAMissingBlockNamesTheBlockAndTheLikelyCauses() {
		String name = TestBlocks.name("missing");
		assertThatExceptionOfType(BlockNotFoundException.class).isThrownBy(() -> SharedMemory.attach(name))
			.withMessageContaining("'" + name + "'")
			.withMessageContaining("/dev/shm/" + name)
			.withMessageContaining("resource tracker");
	}

	@Test
	void creatingANameThatIsTakenFailsAndLeavesTheBlockAlone() {
		String name = TestBlocks.name("taken");
		try (SharedMemory block = SharedMemory.create(name, 8)) {
			block.putLong(0, 42);
			assertThatExceptionOfType(BlockExistsException.class).isThrownBy(() -> SharedMemory.create(name, 8))
				.withMessageContaining("'" + name + "' exists already")
				.withMessageContaining("SharedMemory.attach");
			assertThat(block.getLong(0)).isEqualTo(42);
			block.unlink();
		}
	}

	@Test
	void sizeOfZeroOrLessIsRefused() {
		String name = TestBlocks.name("size");
		assertThatIllegalArgumentException().isThrownBy(() -> SharedMemory.create(name, 0))
			.withMessageContaining("positive size")
			.withMessageContaining("not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> SharedMemory.create(name, -5))
			.withMessageContaining("not -5");
		assertThatIllegalArgumentException().isThrownBy(() -> SharedMemory.create(0));
		assertThat(TestBlocks.exists(name)).isFalse();
	}

	@Test
	void sizeBeyondTheFreeSpaceIsRefusedInsteadOfCrashingLater() {
		String name = TestBlocks.name("huge");
		assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> SharedMemory.create(name, 1L << 50))
			.withMessageContaining("bytes free")
			.withMessageContaining("SIGBUS");
		assertThat(TestBlocks.exists(name)).isFalse();
	}

	@Test
	void namesThatCannotBeOneFileAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SharedMemory.create("a/b", 8))
			.withMessageContaining("without '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> SharedMemory.attach(""))
			.withMessageContaining("non-empty name");
		assertThatIllegalArgumentException().isThrownBy(() -> SharedMemory.attach("x".repeat(256)))
			.withMessageContaining("255 bytes");
	}

	@Test
	void accessOutsideTheBlockIsRefusedWithTheBlocksSize() {
		String name = TestBlocks.name("bounds");
		try (SharedMemory block = SharedMemory.create(name, 16)) {
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> block.getLong(9))
				.withMessageContaining("Bytes 9 to 17 are outside")
				.withMessageContaining("of 16 bytes");
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> block.putByte(-1, (byte) 0));
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> block.buffer(8, 9));
			block.unlink();
		}
	}

	@Test
	void closedBlockIsRefusedButStaysForTheOthers() {
		String name = TestBlocks.name("closed");
		try (SharedMemory other = SharedMemory.create(name, 8)) {
			SharedMemory block = SharedMemory.attach(name);
			block.putLong(0, 5);
			block.close();
			block.close();
			assertThat(block.isClosed()).isTrue();
			assertThatIllegalStateException().isThrownBy(() -> block.getLong(0))
				.withMessageContaining("'" + name + "' is closed")
				.withMessageContaining("attach to it again");
			assertThatIllegalStateException().isThrownBy(block::buffer);
			assertThat(other.getLong(0)).isEqualTo(5);
			other.unlink();
		}
	}

	@Test
	void unlinkRemovesTheNameWhileMappingsStayUsable() {
		String name = TestBlocks.name("unlink");
		try (SharedMemory block = SharedMemory.create(name, 8)) {
			assertThat(block.isLinked()).isTrue();
			block.unlink();
			assertThat(block.isLinked()).isFalse();
			assertThat(TestBlocks.exists(name)).isFalse();
			block.putLong(0, 1);
			assertThat(block.getLong(0)).isEqualTo(1);
			assertThatExceptionOfType(BlockNotFoundException.class).isThrownBy(() -> SharedMemory.attach(name));
		}
	}

	@Test
	void unlinkOfABlockRemovedByAnotherProcessSaysSo() {
		String name = TestBlocks.name("vanished");
		try (SharedMemory block = SharedMemory.create(name, 8)) {
			TestBlocks.remove(name); // what Python's resource tracker does
			assertThat(block.isLinked()).isFalse();
			assertThatExceptionOfType(BlockNotFoundException.class).isThrownBy(block::unlink)
				.withMessageContaining("removed already by another process")
				.withMessageContaining("resource tracker");
		}
	}

	@Test
	void unlinkLeavesANewBlockOfTheSameNameAlone() {
		String name = TestBlocks.name("replaced");
		try (SharedMemory old = SharedMemory.create(name, 8)) {
			old.unlink();
			try (SharedMemory replacement = SharedMemory.create(name, 8)) {
				assertThat(old.isLinked()).isFalse();
				assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(old::unlink)
					.withMessageContaining("a new block now has its name");
				assertThat(replacement.isLinked()).isTrue();
				replacement.unlink();
			}
		}
	}

	@Test
	void openOrCreateCreatesOnceAndAttachesAfterwards() {
		String name = TestBlocks.name("open");
		try (SharedMemory first = SharedMemory.openOrCreate(name, 64);
				SharedMemory second = SharedMemory.openOrCreate(name, 32)) {
			assertThat(first.isCreator()).isTrue();
			assertThat(second.isCreator()).isFalse();
			assertThat(second.size()).isEqualTo(64);
			assertThatExceptionOfType(SharedMemoryException.class)
				.isThrownBy(() -> SharedMemory.openOrCreate(name, 128))
				.withMessageContaining("exists with 64 bytes, fewer than the 128");
			first.unlink();
		}
	}

	@Test
	void attachingToAnEmptyFileSaysItIsNotSizedYet() throws Exception {
		String name = TestBlocks.name("empty");
		Files.createFile(BlockFiles.directory().resolve(name));
		try {
			assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> SharedMemory.attach(name))
				.withMessageContaining("is empty");
		}
		finally {
			TestBlocks.remove(name);
		}
	}

}
