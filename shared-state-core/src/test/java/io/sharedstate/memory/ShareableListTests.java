package io.sharedstate.memory;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ShareableList} within Java; {@link PythonInteropTests} checks the same
 * layout against Python's.
 */
@ExtendWith(TestBlocks.class)
class ShareableListTests {

	private final String name = TestBlocks.name("list");

	@AfterEach
	void removeTheBlock() {
		TestBlocks.remove(this.name);
	}

	@Test
	void itemsOfEveryPythonTypeComeBackAsTheyWent() {
		byte[] raw = { 1, 0, 2 };
		try (ShareableList list = ShareableList.create(this.name,
				Arrays.asList(42L, -1.5, "héllo", raw, true, false, null, 7, 2.5f))) {
			assertThat(list).hasSize(9);
			assertThat(list.get(0)).isEqualTo(42L);
			assertThat(list.get(1)).isEqualTo(-1.5);
			assertThat(list.get(2)).isEqualTo("héllo");
			assertThat((byte[]) list.get(3)).containsExactly(1, 0, 2);
			assertThat(list.get(4)).isEqualTo(true);
			assertThat(list.get(5)).isEqualTo(false);
			assertThat(list.get(6)).isNull();
			assertThat(list.get(7)).isEqualTo(7L);
			assertThat(list.get(8)).isEqualTo(2.5);
			assertThat(list.format()).isEqualTo("qd8s8sxxxxxxx?xxxxxxx?xxxxxx?xqd");
		}
	}

	@Test
	void layoutIsPythons() {
		try (ShareableList list = ShareableList.create(this.name, Arrays.asList(1L, "abcdefgh", null))) {
			SharedMemory block = list.block();
			// count, 4 offsets, 8 + 16 + 8 bytes of data, 3 formats, 3 codes
			assertThat(block.size()).isEqualTo(8 + 4 * 8 + 32 + 3 * 8 + 3);
			assertThat(block.getLong(0)).isEqualTo(3);
			assertThat(new long[] { block.getLong(8), block.getLong(16), block.getLong(24), block.getLong(32) })
				.containsExactly(0, 8, 24, 32);
			assertThat(block.getLong(40)).isEqualTo(1);
			assertThat(text(block, 48, 16)).isEqualTo("abcdefgh\0\0\0\0\0\0\0\0");
			assertThat(text(block, 72, 24)).isEqualTo("q" + "\0".repeat(7) + "16s" + "\0".repeat(5) + "xxxxxx?x");
			assertThat(new byte[] { block.getByte(96), block.getByte(97), block.getByte(98) }).containsExactly(0, 1, 3);
		}
	}

	@Test
	void setMayChangeAnItemsTypeWithinItsSlot() {
		try (ShareableList list = ShareableList.create(this.name, Arrays.asList(1L, "sixteen chars..."))) {
			assertThat(list.set(0, "short")).isEqualTo(1L);
			assertThat(list.set(1, 3.25)).isEqualTo("sixteen chars...");
			assertThat(list.get(0)).isEqualTo("short");
			assertThat(list.get(1)).isEqualTo(3.25);
			list.set(1, "now twenty-four bytes!!");
			assertThat(list.get(1)).isEqualTo("now twenty-four bytes!!");
			list.set(0, null);
			assertThat(list.get(0)).isNull();
			assertThat(list.format()).isEqualTo("xxxxxx?x24s");
		}
	}

	@Test
	void attachedListSeesTheCreatorsChanges() {
		try (ShareableList created = ShareableList.create(this.name, Arrays.asList(0L, "x"));
				ShareableList attached = ShareableList.attach(this.name)) {
			created.set(0, 99L);
			assertThat(attached.get(0)).isEqualTo(99L);
			attached.set(1, "y");
			assertThat(created.get(1)).isEqualTo("y");
		}
	}

	@Test
	void countIndexOfAndContainsCompareBytesByContent() {
		try (ShareableList list = ShareableList.create(this.name,
				Arrays.asList(new byte[] { 1 }, 5L, new byte[] { 1 }, "a", 5L))) {
			assertThat(list.count(new byte[] { 1 })).isEqualTo(2);
			assertThat(list.count(5L)).isEqualTo(2);
			assertThat(list.count("b")).isZero();
			assertThat(list.indexOf(5L)).isEqualTo(1);
			assertThat(list.lastIndexOf(new byte[] { 1 })).isEqualTo(2);
			assertThat(list.contains("a")).isTrue();
			assertThat(list.indexOf(6L)).isEqualTo(-1);
		}
	}

	@Test
	void copyIsAPlainListOfTheItemsNow() {
		try (ShareableList list = ShareableList.create(this.name, List.of(1L, 2L))) {
			List<Object> copy = list.copy();
			list.set(0, 10L);
			copy.add(3L);
			assertThat(copy).containsExactly(1L, 2L, 3L);
			assertThat(list.toString()).isEqualTo("ShareableList([10, 2], name='" + this.name + "')");
		}
	}

	@Test
	void emptyListIsSixteenBytes() {
		try (ShareableList list = ShareableList.create(this.name, List.of())) {
			assertThat(list).isEmpty();
			assertThat(list.block().size()).isEqualTo(16);
			assertThat(ShareableList.attach(this.name)).isEmpty();
		}
	}

	@Test
	void generatedNameIsPythonsKind() {
		ShareableList list = ShareableList.create(List.of(1L));
		try {
			assertThat(list.block().name()).startsWith("psm_");
		}
		finally {
			list.block().unlink();
			list.close();
		}
	}

	@Test
	void itemTooLargeForItsSlotIsRefusedAndTheItemKept() {
		try (ShareableList list = ShareableList.create(this.name, List.of("abc", 1L))) {
			assertThatIllegalArgumentException().isThrownBy(() -> list.set(0, "a string of 17 ch"))
				.withMessageContaining("Item 0 of ShareableList '" + this.name + "' has a slot of 8 bytes")
				.withMessageContaining("needs 17")
				.withMessageContaining("cannot grow");
			assertThatIllegalArgumentException().isThrownBy(() -> list.set(1, "123456789".getBytes()))
				.withMessageContaining("slot of 8 bytes");
			assertThat(list.get(0)).isEqualTo("abc");
			list.set(0, "exactly8");
			assertThat(list.get(0)).isEqualTo("exactly8");
		}
	}

	@Test
	void valuesEndingInNulAreRefusedBecausePythonWouldStripThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShareableList.create(this.name, List.of("ok", "trailing\0")))
			.withMessageContaining("Item 1")
			.withMessageContaining("ends in a NUL byte")
			.withMessageContaining("#96779");
		assertThat(TestBlocks.exists(this.name)).isFalse();
		try (ShareableList list = ShareableList.create(this.name, List.of("0123456789"))) {
			assertThatIllegalArgumentException().isThrownBy(() -> list.set(0, new byte[] { 1, 0 }))
				.withMessageContaining("NUL");
			list.set(0, new byte[] { 0, 1 });
			assertThat((byte[]) list.get(0)).containsExactly(0, 1);
		}
	}

	@Test
	void typesPythonCannotHoldAreRefusedWithTheTypesItCan() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ShareableList.create(this.name, List.of(1L, new java.math.BigDecimal("1"))))
			.withMessageContaining("Item 1 is a java.math.BigDecimal")
			.withMessageContaining(
					"Long (or Integer, Short, Byte), Double (or Float), Boolean, String, byte[] and null");
		assertThat(TestBlocks.exists(this.name)).isFalse();
	}

	@Test
	void indexOutOfRangeIsRefused() {
		try (ShareableList list = ShareableList.create(this.name, List.of(1L))) {
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(1))
				.withMessageContaining("Index 1 is out of range for ShareableList '" + this.name + "' of 1 items");
			assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.set(-1, 2L));
		}
	}

	@Test
	void lengthIsFixed() {
		try (ShareableList list = ShareableList.create(this.name, List.of(1L))) {
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add(2L));
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.remove(0));
		}
	}

	@Test
	void blockThatHoldsNoListIsRefused() {
		try (SharedMemory block = SharedMemory.create(this.name, 64)) {
			block.putLong(0, 1000);
			assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> ShareableList.of(block))
				.withMessageContaining("holds no ShareableList")
				.withMessageContaining("item count of 1000");
			block.putLong(0, 1);
			block.putLong(8, 3);
			assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> ShareableList.of(block))
				.withMessageContaining("offset 0 is 3");
		}
	}

	@Test
	void closedListIsRefused() {
		ShareableList list = ShareableList.create(this.name, List.of(1L));
		list.close();
		assertThatIllegalStateException().isThrownBy(() -> list.get(0)).withMessageContaining("is closed");
	}

	@Test
	void requiredSizeFitsABlockMadeElsewhere() {
		List<Object> items = List.of(1L, "two");
		try (SharedMemory block = SharedMemory.create(this.name, ShareableList.requiredSize(items))) {
			ShareableList list = ShareableList.create(block, items);
			assertThat(ShareableList.of(block)).containsExactly(1L, "two");
			assertThat(list.get(1)).isEqualTo("two");
			assertThatIllegalArgumentException().isThrownBy(() -> ShareableList.create(block, List.of("a", "b", "c")))
				.withMessageContaining("needs");
		}
	}

	private static String text(SharedMemory block, long offset, int length) {
		byte[] bytes = new byte[length];
		block.get(offset, bytes, 0, length);
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

}
