package io.sharedstate.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.Test;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedType;
import io.sharedstate.codec.allowed.Price;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableComparator;
import io.sharedstate.function.SerializableFunction;
import io.sharedstate.function.SerializablePredicate;
import io.sharedstate.function.SerializableUnaryOperator;
import io.sharedstate.snapshot.LostUpdateException;
import io.sharedstate.snapshot.SnapshotList;
import io.sharedstate.snapshot.SnapshotMap;
import io.sharedstate.snapshot.SnapshotSet;
import io.sharedstate.snapshot.Snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ValueCodecTests {

	record Order(String id, int quantity, List<String> tags) {

	}

	enum Color {

		RED, GREEN

	}

	record Named(String name, SharedType type) implements SharedObject {

	}

	private final ValueCodec codec = codec("io.sharedstate.codec");

	private static ValueCodec codec(String... allowedPackages) {
		return new ValueCodec(ClassAllowList.of(List.of(allowedPackages)),
				(type, name, custom) -> new Named(name, type));
	}

	private static byte[] encode(ValueCodec codec, Object value) {
		Output output = new Output(256, -1);
		codec.write(output, value);
		return output.toBytes();
	}

	private static Object decode(ValueCodec codec, byte[] bytes) {
		Input input = new Input(bytes);
		Object value = codec.read(input);
		assertThat(input.position()).as("every byte written is read back").isEqualTo(bytes.length);
		return value;
	}

	@SuppressWarnings("unchecked")
	private <T> T roundTrip(T value) {
		return (T) decode(this.codec, encode(this.codec, value));
	}

	// tagged values

	@Test
	void nullRoundTrips() {
		assertThat((Object) roundTrip(null)).isNull();
		assertThat(encode(this.codec, null)).hasSize(1);
	}

	@Test
	void stringsRoundTrip() {
		assertThat(roundTrip("hello")).isEqualTo("hello");
		assertThat(roundTrip("")).isEqualTo("");
		assertThat(roundTrip("héllo wörld ✓ 𝄞")).isEqualTo("héllo wörld ✓ 𝄞");
	}

	@Test
	void intsRoundTripAsInts() {
		assertThat(roundTrip(42)).isInstanceOf(Integer.class).isEqualTo(42);
		assertThat(roundTrip(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
		assertThat(roundTrip(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void longsRoundTripAsLongs() {
		assertThat(roundTrip(42L)).isInstanceOf(Long.class).isEqualTo(42L);
		assertThat(roundTrip(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
		assertThat(roundTrip(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void doublesRoundTripAsDoubles() {
		assertThat(roundTrip(1.5)).isInstanceOf(Double.class).isEqualTo(1.5);
		assertThat(roundTrip(Double.NaN)).isNaN();
		assertThat(roundTrip(-0.0)).isEqualTo(-0.0);
		assertThat(roundTrip(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
	}

	@Test
	void booleansRoundTrip() {
		assertThat(roundTrip(true)).isTrue();
		assertThat(roundTrip(false)).isFalse();
	}

	@Test
	void byteArraysRoundTrip() {
		assertThat(roundTrip(new byte[] { 1, -2, 3 })).containsExactly(1, -2, 3);
		assertThat(roundTrip(new byte[0])).isEmpty();
	}

	@Test
	void otherJdkValuesRoundTrip() {
		assertThat(roundTrip((short) 3)).isEqualTo((short) 3);
		assertThat(roundTrip(2.5f)).isEqualTo(2.5f);
		assertThat(roundTrip('c')).isEqualTo('c');
		assertThat(roundTrip(new java.math.BigDecimal("1.10"))).isEqualTo(new java.math.BigDecimal("1.10"));
		assertThat(roundTrip(java.time.Instant.ofEpochSecond(5))).isEqualTo(java.time.Instant.ofEpochSecond(5));
		assertThat(roundTrip(new int[] { 1, 2 })).containsExactly(1, 2);
	}

	// objects

	@Test
	void recordsRoundTrip() {
		Order order = new Order("x", 3, List.of("a", "b"));
		assertThat(roundTrip(order)).isEqualTo(order);
	}

	@Test
	void enumsRoundTripAsTheSameConstant() {
		assertThat(roundTrip(Color.GREEN)).isSameAs(Color.GREEN);
	}

	@Test
	void immutableListsAndMapsRoundTrip() {
		assertThat(roundTrip(List.of())).isEqualTo(List.of());
		assertThat(roundTrip(List.of(1))).isEqualTo(List.of(1));
		assertThat(roundTrip(List.of(1, 2, 3))).isEqualTo(List.of(1, 2, 3));
		assertThat(roundTrip(Map.of())).isEqualTo(Map.of());
		assertThat(roundTrip(Map.of("a", 1))).isEqualTo(Map.of("a", 1));
		assertThat(roundTrip(Map.of("a", 1, "b", 2))).isEqualTo(Map.of("a", 1, "b", 2));
		assertThat(roundTrip(Set.of("a", "b"))).isEqualTo(Set.of("a", "b"));
	}

	@Test
	void wrappedJdkCollectionsRoundTripByContent() {
		List<Integer> unmodifiable = Collections.unmodifiableList(new ArrayList<>(List.of(1, 2)));
		assertThat(roundTrip(unmodifiable)).isEqualTo(List.of(1, 2));
		assertThat(roundTrip(Collections.singletonList("a"))).isEqualTo(List.of("a"));
		assertThat(roundTrip(Collections.emptyMap())).isEqualTo(Map.of());
		assertThat(roundTrip(java.util.Arrays.asList(1, null))).containsExactly(1, null);
		assertThat(roundTrip(Collections.synchronizedMap(new LinkedHashMap<>(Map.of("k", "v")))))
			.isEqualTo(Map.of("k", "v"));
	}

	@Test
	void plainCollectionsRoundTripAsMutableCollections() {
		List<Object> list = roundTrip(new ArrayList<>(List.of(1, "a")));
		assertThat(list).isInstanceOf(ArrayList.class).containsExactly(1, "a");
		list.add(2);
	}

	@Test
	void nestedSnapshotsRoundTripAsSnapshots() {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("list", new ArrayList<>(List.of(1, 2)));
		source.put("set", Set.of("x"));
		Object snapshot = Snapshots.of(List.of(source, "tail"));
		Object back = roundTrip(snapshot);
		assertThat(back).isInstanceOf(SnapshotList.class).isEqualTo(snapshot);
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) ((List<Object>) back).get(0);
		assertThat(map).isInstanceOf(SnapshotMap.class);
		assertThat(map.get("list")).isInstanceOf(SnapshotList.class);
		assertThat(map.get("set")).isInstanceOf(SnapshotSet.class);
		assertThatExceptionOfType(LostUpdateException.class).isThrownBy(() -> map.put("k", 1));
	}

	@Test
	void sharedObjectsRoundTripAsReferencesResolvedByTheDecodingSide() {
		Named named = new Named("orders", SharedType.LIST);
		Object back = roundTrip(List.of(named));
		assertThat(back).isEqualTo(List.of(named));
	}

	@Test
	void sharedReferencesWithinOneValueStayShared() {
		List<Integer> shared = new ArrayList<>(List.of(1));
		List<List<Integer>> twice = new ArrayList<>(List.of(shared, shared));
		List<List<Integer>> back = roundTrip(twice);
		assertThat(back.get(0)).isSameAs(back.get(1));
	}

	// functions

	@Test
	void lambdaRoundTripsAndStillWorks() {
		String suffix = "!";
		SerializableFunction<String, String> shout = (s) -> s.toUpperCase() + suffix;
		SerializableFunction<String, String> back = roundTrip(shout);
		assertThat(back.apply("hi")).isEqualTo("HI!");
	}

	@Test
	void methodReferenceRoundTripsAndStillWorks() {
		SerializableBiFunction<Long, Long, Long> sum = Long::sum;
		SerializableBiFunction<Long, Long, Long> back = roundTrip(sum);
		assertThat(back.apply(2L, 3L)).isEqualTo(5L);
	}

	// method references rebuilt without the class that created them: this test class is
	// not allowed in the reading codec, so it cannot be what runs them

	@SuppressWarnings("unchecked")
	private static <T> T rebuilt(T function) {
		ValueCodec reader = codec("com.example");
		T back = (T) decode(reader, encode(reader, function));
		// and the rebuilt function travels again
		return (T) decode(reader, encode(reader, back));
	}

	@Test
	void methodReferencesToJdkMethodsRunWithoutTheirCreatingClass() {
		SerializableBiFunction<Long, Long, Long> longSum = Long::sum;
		SerializableBinaryOperator<Integer> intSum = Integer::sum;
		SerializableBinaryOperator<Integer> max = Math::max;
		SerializableBinaryOperator<String> concat = String::concat;
		SerializableBinaryOperator<BigDecimal> add = BigDecimal::add;
		SerializableUnaryOperator<List<String>> readOnly = Collections::unmodifiableList;
		assertThat(rebuilt(longSum).apply(2L, 3L)).isEqualTo(5L);
		assertThat(rebuilt(intSum).apply(2, 3)).isEqualTo(5);
		assertThat(rebuilt(max).apply(2, 3)).isEqualTo(3);
		assertThat(rebuilt(concat).apply("a", "b")).isEqualTo("ab");
		assertThat(rebuilt(add).apply(new BigDecimal("1.10"), BigDecimal.ONE)).isEqualTo(new BigDecimal("2.10"));
		List<String> list = rebuilt(readOnly).apply(new ArrayList<>(List.of("x")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add("y"));
	}

	@Test
	void methodReferencesOfEveryFunctionShapeAreRebuilt() {
		SerializablePredicate<String> isEmpty = String::isEmpty;
		SerializableComparator<Integer> compare = Integer::compare;
		SerializableFunction<Map.Entry<String, Integer>, String> key = Map.Entry::getKey;
		SerializableFunction<Collection<String>, ArrayList<String>> copy = ArrayList::new;
		SerializableFunction<String, String> prefixed = "pre-"::concat;
		assertThat(rebuilt(isEmpty).test("")).isTrue();
		assertThat(rebuilt(compare).compare(1, 2)).isNegative();
		assertThat(rebuilt(key).apply(Map.entry("k", 1))).isEqualTo("k");
		assertThat(rebuilt(copy).apply(List.of("a"))).isInstanceOf(ArrayList.class).containsExactly("a");
		assertThat(rebuilt(prefixed).apply("x")).isEqualTo("pre-x");
	}

	@Test
	void rebuiltMethodReferenceChecksItsArgumentTypesAsTheCompiledOneDoes() {
		SerializableBiFunction<Long, Long, Long> longSum = Long::sum;
		@SuppressWarnings({ "unchecked", "rawtypes" })
		SerializableBiFunction<Object, Object, Object> raw = (SerializableBiFunction) rebuilt(longSum);
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> raw.apply("a", "b"));
	}

	@Test
	void methodReferenceThatReadsSystemPropertiesIsNotRebuilt() {
		SerializableFunction<String, Integer> property = Integer::getInteger;
		byte[] bytes = encode(this.codec, property);
		assertThatExceptionOfType(ClassNotAllowedException.class)
			.isThrownBy(() -> codec("com.example").read(new Input(bytes)))
			.withMessageContaining("java.lang.Integer::getInteger");
	}

	@Test
	void methodReferenceToAClassOutsideTheAllowedPackagesIsRefusedNamingItAndBothFixes() {
		SerializableFunction<Order, Integer> quantity = Order::quantity;
		byte[] bytes = encode(this.codec, quantity);
		assertThatExceptionOfType(ClassNotAllowedException.class)
			.isThrownBy(() -> codec("com.example").read(new Input(bytes)))
			.withMessageContaining("the method reference " + Order.class.getName() + "::quantity")
			.withMessageContaining("'io.sharedstate.codec'")
			.withMessageContaining("shared-state.allowed-packages")
			.withMessageContaining("ServerOptions.withAllowedPackages")
			.withMessageContaining("put " + Order.class.getName() + " on the server's classpath");
	}

	@Test
	void methodReferenceToAnAllowedClassIsRebuiltWithoutItsCreatingClass() {
		SerializableBinaryOperator<Price> plus = Price::plus;
		ValueCodec pricesOnly = codec("io.sharedstate.codec.allowed");
		@SuppressWarnings("unchecked")
		SerializableBinaryOperator<Price> back = (SerializableBinaryOperator<Price>) decode(pricesOnly,
				encode(pricesOnly, plus));
		assertThat(back.apply(new Price(100), new Price(5))).isEqualTo(new Price(105));
	}

	@Test
	void functionAnnouncingMoreCapturedArgumentsThanAMethodCanHaveIsRefused() {
		String suffix = "!";
		SerializableFunction<String, String> shout = (s) -> s + suffix;
		byte[] bytes = encode(this.codec, shout);
		// the count follows the last string of the function's form, its instantiated type
		byte[] instantiatedType = "(Ljava/lang/String;)Ljava/lang/String;".getBytes(StandardCharsets.US_ASCII);
		int count = indexOf(bytes, instantiatedType) + instantiatedType.length;
		assertThat(bytes[count]).isEqualTo((byte) 1);
		byte[] forged = new byte[bytes.length + 4];
		System.arraycopy(bytes, 0, forged, 0, count);
		System.arraycopy(new byte[] { -1, -1, -1, -1, 7 }, 0, forged, count, 5);
		System.arraycopy(bytes, count + 1, forged, count + 5, bytes.length - count - 1);
		assertThatExceptionOfType(SharedStateException.class).isThrownBy(() -> this.codec.read(new Input(forged)))
			.withMessageContaining("captured arguments");
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = bytes.length - part.length; i >= 0; i--) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new AssertionError("not found");
	}

	@Test
	void nonSerializableLambdaIsRefusedWhenEncoded() {
		java.util.function.Function<String, String> plain = (s) -> s;
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> encode(this.codec, plain));
	}

	// the allow-list

	@Test
	void classOutsideTheAllowedPackagesIsRefusedNamingItAndTheSetting() {
		byte[] bytes = encode(this.codec, new Order("x", 1, List.of()));
		ValueCodec strict = codec("com.example");
		assertThatExceptionOfType(ClassNotAllowedException.class).isThrownBy(() -> strict.read(new Input(bytes)))
			.withMessageContaining(Order.class.getName())
			.withMessageContaining("allowed packages")
			.withMessageContaining("io.sharedstate.codec");
	}

	@Test
	void classNestedInAnAllowedValueIsCheckedToo() {
		byte[] bytes = encode(this.codec, new ArrayList<>(List.of(Color.RED)));
		assertThatExceptionOfType(ClassNotAllowedException.class).isThrownBy(() -> codec().read(new Input(bytes)))
			.withMessageContaining(Color.class.getName());
	}

	@Test
	void jdkClassOutsideTheValueTypesIsRefused() {
		byte[] bytes = encode(this.codec, new StringBuilder("x"));
		assertThatExceptionOfType(ClassNotAllowedException.class).isThrownBy(() -> decode(this.codec, bytes))
			.withMessageContaining("java.lang.StringBuilder")
			.withMessageContaining("allowed packages");
	}

	@Test
	void lambdaOfAClassOutsideTheAllowedPackagesIsRefusedNamingItAndBothFixes() {
		SerializableFunction<String, String> identity = (s) -> s;
		byte[] bytes = encode(this.codec, identity);
		assertThatExceptionOfType(ClassNotAllowedException.class)
			.isThrownBy(() -> codec("com.example").read(new Input(bytes)))
			.withMessageContaining("a lambda of " + ValueCodecTests.class.getName())
			.withMessageContaining("'io.sharedstate.codec'")
			.withMessageContaining("shared-state.allowed-packages")
			.withMessageContaining("ServerOptions.withAllowedPackages")
			.withMessageContaining("put " + ValueCodecTests.class.getName() + " on the server's classpath")
			.withMessageContaining("SharedFunctions");
	}

	@Test
	void allowedPackageCoversItsSubpackagesButNotItsPrefix() {
		ClassAllowList allowList = ClassAllowList.of(List.of("io.sharedstate"));
		assertThat(allowList.isAllowed(Order.class)).isTrue();
		assertThat(ClassAllowList.of(List.of("io.shared")).isAllowed(Order.class)).isFalse();
		assertThat(allowList.allowedPackages()).containsExactly("io.sharedstate");
	}

	@Test
	void snapshotsAndPrimitiveArraysAreAlwaysAllowed() {
		ClassAllowList none = ClassAllowList.of(List.of());
		assertThat(none.isAllowed(SnapshotList.class)).isTrue();
		assertThat(none.isAllowed(long[][].class)).isTrue();
		assertThat(none.isAllowed(String.class)).isTrue();
		assertThat(none.isAllowed(Order[].class)).isFalse();
		Object snapshot = Snapshots.of(List.of(1L, "a"));
		assertThat(decode(codec(), encode(codec(), snapshot))).isEqualTo(snapshot);
	}

	@Test
	void classNamesAreJudgedAsTheirClassesWouldBe() {
		ClassAllowList allowList = ClassAllowList.of(List.of("com.example"));
		assertThat(allowList.isAllowed("[[J")).isTrue();
		assertThat(allowList.isAllowed("[Ljava.lang.String;")).isTrue();
		assertThat(allowList.isAllowed("[[Lcom.example.Order;")).isTrue();
		assertThat(allowList.isAllowed("io.sharedstate.api.SharedObject")).isTrue();
		assertThat(allowList.isAllowed("[L" + Order.class.getName() + ";")).isFalse();
		assertThat(allowList.isAllowed("io.sharedstate.dict.LocalDict")).isFalse();
		assertThat(allowList.isAllowed("[X")).isFalse();
		assertThat(allowList.isAllowed("")).isFalse();
	}

	@Test
	void unknownTagIsRefused() {
		assertThatExceptionOfType(SharedStateException.class)
			.isThrownBy(() -> this.codec.read(new Input(new byte[] { 99 })))
			.withMessageContaining("tag");
	}

}
