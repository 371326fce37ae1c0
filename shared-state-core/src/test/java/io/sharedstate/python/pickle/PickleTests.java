package io.sharedstate.python.pickle;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.sharedstate.snapshot.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pickle reader and writer against what python3 itself writes and reads.
 */
@Timeout(60)
class PickleTests {

	private static final PickleGlobals NO_GLOBALS = (module, name) -> {
		throw new RefusedGlobalException(module + "." + name, "no globals here");
	};

	@Test
	void readsWhatMultiprocessingWritesInProtocolsFourAndFive() throws IOException, InterruptedException {
		String values = "[None, True, False, 0, 255, 256, 65536, -1, 2**31, -2**63, 2**64, -2**70, 1.5, -0.0, "
				+ "'h\\u00e9llo \\U0001F600', 'x' * 300, b'\\x00\\xff', (), (1,), (1, 2), (1, 2, 3, 4), [1, [2]], "
				+ "{'a': {'b': None}}, {1, 2}, frozenset({3}), {(1, 2): 'tuple key'}]";
		List<String> lines = python("import base64, pickle\nvalues = " + values + "\nfor protocol in (4, 5):\n"
				+ "    print(base64.b64encode(pickle.dumps(values, protocol)).decode())\n");
		assertThat(lines).hasSize(2);
		Map<Object, Object> nested = new LinkedHashMap<>();
		nested.put("b", null);
		for (String line : lines) {
			@SuppressWarnings("unchecked")
			List<Object> read = (List<Object>) PickleReader.read(Base64.getDecoder().decode(line), NO_GLOBALS);
			assertThat(read.subList(0, 12)).containsExactly(null, true, false, 0L, 255L, 256L, 65536L, -1L, 2147483648L,
					Long.MIN_VALUE, BigInteger.TWO.pow(64), BigInteger.TWO.pow(70).negate());
			assertThat(read.get(12)).isEqualTo(1.5);
			assertThat(1 / (Double) read.get(13)).isNegative();
			assertThat(read.get(14)).isEqualTo("h\u00e9llo \uD83D\uDE00");
			assertThat(read.get(15)).isEqualTo("x".repeat(300));
			assertThat((byte[]) read.get(16)).containsExactly(0, -1);
			assertThat(read.subList(17, 21)).containsExactly(List.of(), List.of(1L), List.of(1L, 2L),
					List.of(1L, 2L, 3L, 4L));
			assertThat(read.get(17)).isInstanceOf(Tuple.class);
			assertThat(read.get(21)).isEqualTo(List.of(1L, List.of(2L))).isNotInstanceOf(Tuple.class);
			assertThat(read.get(22)).isEqualTo(Map.of("a", nested));
			assertThat(read.subList(23, 25)).containsExactly(Set.of(1L, 2L), Set.of(3L));
			assertThat(read.get(25)).isEqualTo(Map.of(List.of(1L, 2L), "tuple key"));
		}
	}

	@Test
	void writesWhatPythonReads() throws IOException, InterruptedException {
		Map<Object, Object> dict = new LinkedHashMap<>();
		dict.put(List.of(1, 2), Set.of(3));
		dict.put("none", null);
		dict.put(Set.of(4), "set key");
		List<Object> values = new ArrayList<>(Arrays.asList(null, true, 7, 300, 70000, -5L, Long.MAX_VALUE,
				BigInteger.TWO.pow(70).negate(), 2.5, 1.5f, "h\u00e9llo", "y".repeat(300), 'c',
				new byte[] { 0, (byte) 255 }, Tuple.of(1L), new Object[] { "a", 1 }, List.of(List.of()), dict, Set.of(),
				PickleCall.of("builtins", "slice", 1, 2, null), new PickleGlobal("builtins", "len")));
		PickleWriter writer = new PickleWriter((value, hashable) -> value);
		writer.write(values, 3);
		String encoded = Base64.getEncoder().encodeToString(Arrays.copyOfRange(writer.buffer(), 3, writer.length()));
		List<String> lines = python("import base64, pickle\nfor value in pickle.loads(base64.b64decode('" + encoded
				+ "')):\n    print(repr(value))\n");
		assertThat(lines).containsExactly("None", "True", "7", "300", "70000", "-5", "9223372036854775807",
				"-1180591620717411303424", "2.5", "1.5", "'h\u00e9llo'", "'" + "y".repeat(300) + "'", "'c'",
				"b'\\x00\\xff'", "(1,)", "('a', 1)", "[[]]", "{(1, 2): {3}, 'none': None, frozenset({4}): 'set key'}",
				"set()", "slice(1, 2, None)", "<built-in function len>");
	}

	@Test
	void globalIsRefusedWhenItsNameIsReadBeforeAnythingIsCalled() {
		byte[] pickle = "cos\nsystem\n(S'touch /tmp/x'\ntR.".getBytes(StandardCharsets.US_ASCII);
		List<String> asked = new ArrayList<>();
		PickleGlobals recording = (module, name) -> {
			asked.add(module + "." + name);
			throw new RefusedGlobalException(module + "." + name, "refused");
		};
		assertThatExceptionOfType(RefusedGlobalException.class).isThrownBy(() -> PickleReader.read(pickle, recording))
			.satisfies((ex) -> assertThat(ex.global()).isEqualTo("os.system"));
		assertThat(asked).containsExactly("os.system");
	}

	@Test
	void callableOfAnAllowedGlobalIsCalledOnlyByReduce() {
		List<List<Object>> calls = new ArrayList<>();
		PickleGlobals globals = (module, name) -> (PickleGlobals.Callable) (args) -> {
			calls.add(args);
			return "built";
		};
		byte[] pickle = { (byte) 0x80, 4, (byte) 0x8c, 1, 'm', (byte) 0x8c, 1, 'f', (byte) 0x93, 'K', 5, (byte) 0x85,
				'R', '.' };
		assertThat(PickleReader.read(pickle, globals)).isEqualTo("built");
		assertThat(calls).containsExactly(List.of(5L));
	}

	@Test
	void malformedPicklesAreRefusedWithAReason() {
		assertThatExceptionOfType(PickleException.class)
			.isThrownBy(() -> PickleReader.read("this is not a pickle".getBytes(StandardCharsets.US_ASCII), NO_GLOBALS))
			.withMessageContaining("Malformed pickle");
		assertThatExceptionOfType(PickleException.class)
			.isThrownBy(() -> PickleReader.read(new byte[] { (byte) 0x80, 4, 'X', 100, 0, 0, 0, 'a' }, NO_GLOBALS))
			.withMessageContaining("Truncated");
		assertThatExceptionOfType(PickleException.class)
			.isThrownBy(() -> PickleReader.read(new byte[] { (byte) 0x80, 4, 'P', '.' }, NO_GLOBALS))
			.withMessageContaining("Unsupported pickle opcode 0x50");
		assertThatExceptionOfType(PickleException.class)
			.isThrownBy(() -> PickleReader.read(new byte[] { (byte) 0x80, 9, 'N', '.' }, NO_GLOBALS))
			.withMessageContaining("protocol 9");
	}

	private static List<String> python(String program) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().toList();
	}

}
