package io.sharedstate.memory;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Java and real python3 processes sharing blocks: ShareableLists made by either side read
 * and changed by the other, byte-identical layouts, typed arrays read through ctypes, and
 * Python's resource tracker removing blocks it merely attached to.
 */
@ExtendWith(TestBlocks.class)
class PythonInteropTests {

	/**
	 * What every script starts with: {@code attach(name)} opens a block without letting
	 * this Python process's resource tracker remove it at exit, the fix
	 * docs/shared-memory.md gives; {@code keep(shm)} does the same for a block Python
	 * created or a ShareableList's.
	 */
	private static final String PRELUDE = """
			import sys, ctypes, struct
			from multiprocessing import shared_memory, resource_tracker
			from multiprocessing.shared_memory import SharedMemory, ShareableList
			def keep(shm):
			    resource_tracker.unregister(shm._name, "shared_memory")
			def attach(name):
			    if sys.version_info >= (3, 13):
			        return SharedMemory(name, track=False)
			    shm = SharedMemory(name)
			    keep(shm)
			    return shm
			name = sys.argv[1]
			""";

	private String name;

	@BeforeEach
	void pythonIsInstalled() {
		Python.assumeInstalled();
		this.name = TestBlocks.name("py");
	}

	@AfterEach
	void removeTheBlock() {
		if (this.name != null) {
			TestBlocks.remove(this.name);
		}
	}

	@Test
	void listPythonCreatedIsReadAndChangedByJavaAndPythonSeesTheChange() {
		Python.exec(PRELUDE + """
				sl = ShareableList([7, 2.5, 'text', b'raw', True, None, 'x' * 20], name=name)
				keep(sl.shm)
				sl.shm.close()
				""", this.name);
		try (ShareableList list = ShareableList.attach(this.name)) {
			assertThat(list.copy()).usingRecursiveFieldByFieldElementComparator()
				.containsExactly(7L, 2.5, "text", "raw".getBytes(), true, null, "x".repeat(20));
			list.set(0, 8L);
			list.set(2, "déjà");
			list.set(4, false);
			list.set(5, 1.0);
			list.set(6, "a longer text, 23 bytes");
		}
		String seen = Python.exec(PRELUDE + """
				sl = ShareableList(name=name)
				keep(sl.shm)
				print(repr(list(sl)))
				print(sl.format)
				sl.shm.close()
				""", this.name);
		assertThat(seen.lines()).containsExactly("[8, 2.5, 'déjà', b'raw', False, 1.0, 'a longer text, 23 bytes']",
				"qd8s8sxxxxxxx?d24s");
	}

	@Test
	void listJavaCreatedIsReadAndChangedByPythonAndJavaSeesTheChange() {
		try (ShareableList list = ShareableList.create(this.name,
				Arrays.asList(-3L, 0.125, "hello", new byte[] { 1, 2 }, true, null))) {
			String seen = Python.exec(PRELUDE + """
					sl = ShareableList(name=name)
					keep(sl.shm)
					print(repr(list(sl)), len(sl), sl.count(True), sl.index('hello'))
					sl[0] = sl[0] * 2
					sl[1] = 'py'
					sl[2] = b'bytes!'
					sl[5] = 12
					sl.shm.close()
					""", this.name);
			assertThat(seen.trim()).isEqualTo("[-3, 0.125, 'hello', b'\\x01\\x02', True, None] 6 1 2");
			assertThat(list.get(0)).isEqualTo(-6L);
			assertThat(list.get(1)).isEqualTo("py");
			assertThat((byte[]) list.get(2)).asString().isEqualTo("bytes!");
			assertThat(list.get(5)).isEqualTo(12L);
			list.block().unlink();
		}
	}

	@Test
	void listLayoutIsByteForByteThatOfThisPython() {
		List<Object> items = Arrays.asList(1L, -2.75, "abc", "exactly8", new byte[] { 9 }, false, null);
		String python = Python.exec(PRELUDE + """
				sl = ShareableList([1, -2.75, 'abc', 'exactly8', b'\\x09', False, None])
				print(bytes(sl.shm.buf).hex())
				sl.shm.close()
				sl.shm.unlink()
				""", this.name).trim();
		try (ShareableList list = ShareableList.create(this.name, items)) {
			byte[] bytes = new byte[(int) list.block().size()];
			list.block().get(0, bytes, 0, bytes.length);
			assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(python);
			list.block().unlink();
		}
	}

	@Test
	void pythonStripsTrailingNulsAndSizesNonAsciiSlotsByCharacters() {
		// What CPython (3.9 to 3.13) does, and why Java refuses trailing NULs and sizes
		// slots by bytes.
		String seen = Python.exec(PRELUDE + """
				sl = ShareableList(['a\\x00', b'b\\x00\\x00', '\\u20ac' * 3], name=name)
				keep(sl.shm)
				print(repr(sl[0]), repr(sl[1]), sl.format)
				try:
				    sl[2]
				except UnicodeDecodeError:
				    print('euro signs cut')
				sl.shm.close()
				""", this.name);
		assertThat(seen.lines()).containsExactly("'a' b'b' 8s8s8s", "euro signs cut");
		try (ShareableList list = ShareableList.attach(this.name)) {
			assertThat(list.get(0)).isEqualTo("a");
			assertThatExceptionOfType(SharedMemoryException.class).isThrownBy(() -> list.get(2))
				.withMessageContaining("not valid UTF-8")
				.withMessageContaining("#88336");
			list.block().unlink();
		}
	}

	@Test
	void nonAsciiStringsJavaStoresAreWholeForPython() {
		try (ShareableList list = ShareableList.create(this.name, List.of("€€€", "naïve"))) {
			String seen = Python.exec(PRELUDE + """
					sl = ShareableList(name=name)
					keep(sl.shm)
					print(sl[0], sl[1], sl.format)
					sl.shm.close()
					""", this.name);
			assertThat(seen.trim()).isEqualTo("€€€ naïve 16s8s");
			list.block().unlink();
		}
	}

	@Test
	void arrayJavaCreatedIsReadAndWrittenByPythonThroughCtypes() {
		Array array = Array.create(this.name, 'd', 4);
		try (SharedMemory block = array.block()) {
			for (int i = 0; i < 4; i++) {
				array.setDouble(i, i * 1.5);
			}
			String seen = Python.exec(PRELUDE + """
					shm = attach(name)
					arr = (ctypes.c_double * 4).from_buffer(shm.buf)
					print(list(arr))
					arr[3] = 100.25
					del arr
					shm.close()
					""", this.name);
			assertThat(seen.trim()).isEqualTo("[0.0, 1.5, 3.0, 4.5]");
			assertThat(array.toDoubleArray()).containsExactly(0.0, 1.5, 3.0, 100.25);
			block.unlink();
		}
	}

	@Test
	void rawValuesAndArraysOfEveryTypeCodeReadTheSameInPython() {
		String codes = "cbBhHiIlLqQfdu";
		try (SharedMemory block = SharedMemory.create(this.name, 8 * codes.length())) {
			for (int i = 0; i < codes.length(); i++) {
				RawValue value = RawValue.of(block, codes.charAt(i), 8L * i);
				if (value.typeCode().isFloatingPoint()) {
					value.setDouble(-0.5 - i);
				}
				else {
					long max = switch (value.typeCode().size()) {
						case 1 -> value.typeCode().code() == 'b' ? 127 : 255;
						case 2 -> value.typeCode().code() == 'h' ? Short.MAX_VALUE : 0xFFFF;
						case 4 -> switch (value.typeCode().code()) {
							case 'i' -> Integer.MAX_VALUE;
							case 'u' -> 0x20AC;
							default -> 0xFFFF_FFFFL;
						};
						default -> Long.MAX_VALUE;
					};
					value.set(max);
				}
			}
			String seen = Python.exec(PRELUDE + """
					shm = attach(name)
					out = []
					for i, code in enumerate(sys.argv[2]):
					    from multiprocessing.sharedctypes import typecode_to_type
					    v = typecode_to_type[code].from_buffer(shm.buf, 8 * i).value
					    out.append(repr(v))
					print(' '.join(out))
					shm.close()
					""", this.name, codes);
			assertThat(seen.trim())
				.isEqualTo("b'\\xff' 127 255 32767 65535 2147483647 4294967295 9223372036854775807 9223372036854775807 "
						+ "9223372036854775807 9223372036854775807 -11.5 -12.5 '€'");
			block.unlink();
		}
	}

	@Test
	void pythonProcessThatAttachesRemovesAJavaBlockWhenItExits() {
		try (SharedMemory block = SharedMemory.create(this.name, 64)) {
			Python.exec("""
					import sys
					from multiprocessing.shared_memory import SharedMemory
					shm = SharedMemory(sys.argv[1])   # registers with the resource tracker
					shm.close()
					""", this.name);
			awaitUnlinked(block);
			assertThatExceptionOfType(BlockNotFoundException.class).isThrownBy(block::unlink)
				.withMessageContaining("removed already by another process")
				.withMessageContaining("resource tracker");
			assertThatExceptionOfType(BlockNotFoundException.class).isThrownBy(() -> SharedMemory.attach(this.name))
				.withMessageContaining("resource tracker");
		}
	}

	@Test
	void pythonProcessThatAttachesWithTheFixLeavesTheBlock() {
		try (SharedMemory block = SharedMemory.create(this.name, 64)) {
			block.putLong(0, 1234);
			String seen = Python.exec(PRELUDE + """
					shm = attach(name)
					print(struct.unpack_from('q', shm.buf, 0)[0])
					shm.close()
					""", this.name);
			assertThat(seen.trim()).isEqualTo("1234");
			assertThat(block.isLinked()).isTrue();
			try (SharedMemory again = SharedMemory.attach(this.name)) {
				assertThat(again.getLong(0)).isEqualTo(1234);
			}
			block.unlink();
		}
	}

	@Test
	void pythonFindsABlockJavaNamedAndJavaFindsOnePythonNamed() {
		String generated = Python.exec(PRELUDE + """
				shm = SharedMemory(create=True, size=10)
				keep(shm)
				shm.buf[:5] = b'hello'
				print(shm.name)
				shm.close()
				""", this.name).trim();
		try (SharedMemory block = SharedMemory.attach(generated)) {
			assertThat(generated).matches("psm_[0-9a-f]{8}");
			assertThat(block.size()).isEqualTo(10);
			byte[] hello = new byte[5];
			block.get(0, hello, 0, 5);
			assertThat(hello).asString().isEqualTo("hello");
			block.unlink();
		}
		finally {
			TestBlocks.remove(generated);
		}
	}

	private static void awaitUnlinked(SharedMemory block) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (block.isLinked()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Python's resource tracker did not remove " + block + " within 30 s");
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

}
