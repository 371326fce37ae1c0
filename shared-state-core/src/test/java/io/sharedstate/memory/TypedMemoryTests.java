package io.sharedstate.memory;

import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the sharedctypes counterparts within one JVM: {@link RawArray},
 * {@link RawValue}, {@link Array}, {@link Value}, {@link SharedCtypes} and
 * {@link TypeCode}.
 */
@ExtendWith(TestBlocks.class)
class TypedMemoryTests {

	private final String name = TestBlocks.name("typed");

	@AfterEach
	void removeTheBlock() {
		TestBlocks.remove(this.name);
	}

	@Test
	void rawArrayIsAPlainCArrayOfExactlyItsItems() {
		RawArray array = RawArray.create(this.name, 'i', 5);
		try (SharedMemory block = array.block()) {
			assertThat(block.size()).isEqualTo(20);
			array.set(1, -2);
			array.set(4, Integer.MAX_VALUE);
			assertThat(block.getInt(4)).isEqualTo(-2);
			assertThat(block.getInt(16)).isEqualTo(Integer.MAX_VALUE);
			assertThat(RawArray.attach(this.name, 'i').toLongArray()).containsExactly(0, -2, 0, 0, Integer.MAX_VALUE);
			assertThat(RawArray.attach(this.name, 'h').length()).isEqualTo(10);
		}
	}

	@Test
	void unsignedItemsReadAsNonNegativeAndSignedOnesKeepTheirSign() {
		try (SharedMemory block = SharedMemory.create(this.name, 8)) {
			block.putLong(0, -1);
			assertThat(RawArray.of(block, 'B').get(0)).isEqualTo(255);
			assertThat(RawArray.of(block, 'b').get(0)).isEqualTo(-1);
			assertThat(RawArray.of(block, 'H').get(0)).isEqualTo(65535);
			assertThat(RawArray.of(block, 'h').get(0)).isEqualTo(-1);
			assertThat(RawArray.of(block, 'I').get(0)).isEqualTo(0xFFFF_FFFFL);
			assertThat(RawArray.of(block, 'i').get(0)).isEqualTo(-1);
			assertThat(RawArray.of(block, 'Q').get(0)).isEqualTo(-1);
		}
	}

	@Test
	void atomicOperationsOnFourAndEightByteItemsWrapAsInC() {
		try (SharedMemory block = SharedMemory.create(this.name, 16)) {
			RawArray ints = RawArray.of(block, 'I', 0, 2);
			ints.set(0, 0xFFFF_FFFFL);
			assertThat(ints.addAndGet(0, 1)).isZero();
			assertThat(ints.compareAndSet(0, 0, 7)).isTrue();
			assertThat(ints.compareAndSet(0, 0, 8)).isFalse();
			assertThat(ints.compareAndSet(0, -1, 8)).isFalse();
			assertThat(ints.getAndSet(0, 3)).isEqualTo(7);
			RawValue longs = RawValue.of(block, 'q', 8);
			assertThat(longs.getAndAdd(5)).isZero();
			assertThat(longs.addAndGet(Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE + 4);
			assertThat(longs.compareAndSet(Long.MIN_VALUE + 4, 1)).isTrue();
			assertThat(longs.get()).isEqualTo(1);
		}
	}

	@Test
	void floatingPointItemsTakeDoublesAndAddAtomically() {
		try (SharedMemory block = SharedMemory.create(this.name, 16)) {
			RawValue single = RawValue.of(block, 'f', 0);
			single.setDouble(0.1);
			assertThat(single.getDouble()).isEqualTo((double) 0.1f);
			RawValue wide = RawValue.of(block, 'd', 8);
			assertThat(wide.addAndGetDouble(1.25)).isEqualTo(1.25);
			assertThat(wide.compareAndSetDouble(1.25, -3)).isTrue();
			assertThat(block.getDouble(8)).isEqualTo(-3);
			assertThatIllegalStateException().isThrownBy(wide::get).withMessageContaining("use getDouble/setDouble");
			assertThatIllegalStateException().isThrownBy(() -> RawValue.of(block, 'q', 0).getDouble())
				.withMessageContaining("use get/set");
		}
	}

	@Test
	void valuesThatDoNotFitTheTypeAreRefused() {
		try (SharedMemory block = SharedMemory.create(this.name, 8)) {
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.of(block, 'B').set(0, 256))
				.withMessageContaining("256 does not fit 'B' (0 to 255)");
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.of(block, 'b').set(0, -129));
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.of(block, 'I').set(0, -1));
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.of(block, 'u').set(0, 0x110000));
		}
	}

	@Test
	void narrowItemsRefuseAtomicUpdatesAndNameTheWayOut() {
		try (SharedMemory block = SharedMemory.create(this.name, 8)) {
			RawArray bytes = RawArray.of(block, 'b');
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> bytes.getAndAdd(0, 1))
				.withMessageContaining("4 or 8 bytes")
				.withMessageContaining("under a lock");
			bytes.set(3, 9);
			assertThat(bytes.get(3)).isEqualTo(9);
		}
	}

	@Test
	void badTypeCodesIndexesAndOffsetsAreRefused() {
		try (SharedMemory block = SharedMemory.create(this.name, 16)) {
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.of(block, 'z'))
				.withMessageContaining("'z' is not one of Python's sharedctypes type codes")
				.withMessageContaining("'d'");
			RawArray array = RawArray.of(block, 'q');
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> array.get(2))
				.withMessageContaining("Index 2 is out of range")
				.withMessageContaining("indexes 0 to 1");
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.of(block, 'q', 4, 1))
				.withMessageContaining("multiple of 8");
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> RawArray.of(block, 'q', 8, 2));
			assertThatIllegalArgumentException().isThrownBy(() -> RawArray.create(this.name + "x", 'q', 0))
				.withMessageContaining("positive length");
		}
	}

	@Test
	void synchronizedArrayKeepsItsLockAndLengthInATrailerAfterTheItems() {
		Array array = Array.create(this.name, 'h', 3);
		try (SharedMemory block = array.block()) {
			assertThat(block.size()).isEqualTo(8 + Array.TRAILER);
			array.set(2, -5);
			assertThat(block.getByte(4)).isEqualTo((byte) -5);
			Array attached = Array.attach(this.name);
			assertThat(attached.typeCode()).isEqualTo(TypeCode.SHORT);
			assertThat(attached.length()).isEqualTo(3);
			assertThat(attached.addAndGet(2, Short.MIN_VALUE)).isEqualTo(Short.MAX_VALUE - 4);
			assertThat(attached.getLock()).isInstanceOf(MemoryLock.class);
		}
	}

	@Test
	void synchronizedArrayLockIsReentrantSoCompoundUpdatesReadLikePython() {
		Array array = Array.create(this.name, 'q', 1);
		try (SharedMemory block = array.block()) {
			array.getLock().lock();
			try {
				array.set(0, array.get(0) + 1);
			}
			finally {
				array.getLock().unlock();
			}
			assertThat(array.get(0)).isEqualTo(1);
			assertThat(((MemoryLock) array.getLock()).isLocked()).isFalse();
		}
	}

	@Test
	void valueIsAOneItemArray() {
		Value value = Value.create(this.name, 'd');
		try (SharedMemory block = value.block()) {
			value.setDouble(2);
			assertThat(value.addAndGetDouble(0.5)).isEqualTo(2.5);
			assertThat(Value.attach(this.name).getDouble()).isEqualTo(2.5);
			assertThat(value.raw().getDouble()).isEqualTo(2.5);
			assertThat(block.getDouble(0)).isEqualTo(2.5);
		}
	}

	@Test
	void blocksWithoutAnArrayTrailerAreRefused() {
		try (SharedMemory plain = SharedMemory.create(this.name, 64)) {
			assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> Array.of(plain))
				.withMessageContaining("holds no synchronized Array")
				.withMessageContaining("RawArray.of(block, typeCode)");
		}
		String arrayName = TestBlocks.name("array");
		Array array = Array.create(arrayName, 'q', 2);
		try (SharedMemory block = array.block()) {
			assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> Value.of(block))
				.withMessageContaining("Array of 2 items, not a Value");
			block.unlink();
		}
	}

	@Test
	void synchronizeWrapsARawArrayWithAnyLock() {
		try (SharedMemory block = SharedMemory.create(this.name, 16)) {
			ReentrantLock lock = new ReentrantLock();
			Array array = SharedCtypes.synchronize(RawArray.of(block, 'q'), lock);
			assertThat(array.getLock()).isSameAs(lock);
			assertThat(array.updateAndGet(1, (value) -> value + 41)).isEqualTo(41);
			Value value = SharedCtypes.synchronize(RawValue.of(block, 'q', 8), lock);
			assertThat(value.get()).isEqualTo(41);
		}
	}

	@Test
	void copyMakesANewBlockWithTheSameItems() {
		RawArray original = RawArray.create(this.name, 'd', 3);
		original.setDouble(2, 9.5);
		RawArray copy = SharedCtypes.copy(original);
		try {
			assertThat(copy.block().name()).startsWith("psm_");
			assertThat(copy.toDoubleArray()).containsExactly(0, 0, 9.5);
			original.setDouble(2, 1);
			assertThat(copy.getDouble(2)).isEqualTo(9.5);
		}
		finally {
			copy.block().unlink();
			original.block().close();
		}
	}

	@Test
	void closedBlockIsRefusedByItsArrays() {
		RawArray array = RawArray.create(this.name, 'q', 1);
		array.block().close();
		assertThatIllegalStateException().isThrownBy(() -> array.get(0)).withMessageContaining("is closed");
	}

}
