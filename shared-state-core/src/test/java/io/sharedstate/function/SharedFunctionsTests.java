package io.sharedstate.function;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;

import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SharedFunctionsTests {

	@Test
	void sumAddsNumbersOfEachTypeKeepingTheType() {
		assertThat(SharedFunctions.<Integer>sum().apply(2, 3)).isEqualTo(5);
		assertThat(SharedFunctions.<Long>sum().apply(2L, 3L)).isEqualTo(5L);
		assertThat(SharedFunctions.<Short>sum().apply((short) 2, (short) 3)).isEqualTo((short) 5);
		assertThat(SharedFunctions.<Byte>sum().apply((byte) 2, (byte) 3)).isEqualTo((byte) 5);
		assertThat(SharedFunctions.<Double>sum().apply(0.5, 0.25)).isEqualTo(0.75);
		assertThat(SharedFunctions.<Float>sum().apply(0.5f, 0.25f)).isEqualTo(0.75f);
		assertThat(SharedFunctions.<BigInteger>sum().apply(BigInteger.TWO, BigInteger.TEN))
			.isEqualTo(BigInteger.valueOf(12));
		assertThat(SharedFunctions.<BigDecimal>sum().apply(new BigDecimal("1.10"), new BigDecimal("2")))
			.isEqualTo(new BigDecimal("3.10"));
		assertThat(SharedFunctions.<Long>sum().apply(Long.MAX_VALUE, 1L)).as("wraps as Long::sum does")
			.isEqualTo(Long.MIN_VALUE);
	}

	@Test
	void sumOfTwoNumberTypesIsRefusedNamingBoth() {
		SerializableBinaryOperator<Number> sum = SharedFunctions.sum();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> sum.apply(1L, 1))
			.withMessageContaining("java.lang.Long")
			.withMessageContaining("java.lang.Integer");
	}

	@Test
	void incrementAddsOneKeepingTheType() {
		assertThat(SharedFunctions.<Integer>increment().apply(41)).isEqualTo(42);
		assertThat(SharedFunctions.<Long>increment().apply(41L)).isEqualTo(42L);
		assertThat(SharedFunctions.<Double>increment().apply(0.5)).isEqualTo(1.5);
		assertThat(SharedFunctions.<BigDecimal>increment().apply(new BigDecimal("0.5")))
			.isEqualTo(new BigDecimal("1.5"));
	}

	@Test
	void minAndMaxKeepTheCurrentValueOnATie() {
		String current = new String("a");
		assertThat(SharedFunctions.<String>max().apply(current, "a")).isSameAs(current);
		assertThat(SharedFunctions.<String>min().apply(current, "a")).isSameAs(current);
		assertThat(SharedFunctions.<Integer>max().apply(3, 5)).isEqualTo(5);
		assertThat(SharedFunctions.<Integer>max().apply(5, 3)).isEqualTo(5);
		assertThat(SharedFunctions.<Integer>min().apply(3, 5)).isEqualTo(3);
		assertThat(SharedFunctions.<Integer>min().apply(5, 3)).isEqualTo(3);
	}

	@Test
	void concatAndAddAllAppendToTheCurrentValue() {
		assertThat(SharedFunctions.concat().apply("ab", "c")).isEqualTo("abc");
		List<String> current = List.of("a");
		assertThat(SharedFunctions.<String>addAll().apply(current, List.of("b", "c"))).isInstanceOf(ArrayList.class)
			.containsExactly("a", "b", "c");
		assertThat(current).containsExactly("a");
	}

	@Test
	void nullCurrentValueCountsAsAbsent() {
		assertThat(SharedFunctions.<Long>sum().apply(null, 1L)).isEqualTo(1L);
		assertThat(SharedFunctions.<Integer>max().apply(null, 1)).isEqualTo(1);
		assertThat(SharedFunctions.concat().apply(null, "x")).isEqualTo("x");
		assertThat(SharedFunctions.<String>addAll().apply(null, List.of("x"))).containsExactly("x");
	}

	@Test
	void functionsDecodeAsThemselvesWhereNoPackageIsAllowed() {
		ValueCodec codec = new ValueCodec(ClassAllowList.of(List.of()), (type, name, custom) -> null);
		for (Object function : List.of(SharedFunctions.sum(), SharedFunctions.increment(), SharedFunctions.min(),
				SharedFunctions.max(), SharedFunctions.concat(), SharedFunctions.addAll())) {
			Output output = new Output(64, -1);
			codec.write(output, function);
			assertThat(codec.read(new Input(output.toBytes()))).isSameAs(function);
		}
	}

}
