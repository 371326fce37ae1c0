package io.sharedstate.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import org.apache.fory.memory.MemoryBuffer;
import org.objenesis.strategy.StdInstantiatorStrategy;

import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;

/**
 * Encode-plus-decode round trips per second and encoded size, for the value codec and its
 * alternatives, on four typical values. One thread, buffers reused where the codec
 * allows. See docs/codec.md.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.sharedstate.benchmarks.CodecBenchmark
 * </pre>
 */
public final class CodecBenchmark {

	/** A small user record: a number, a string, a list of strings and a double. */
	public record Order(long id, String customer, List<String> items, double total) implements Serializable {

	}

	private CodecBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		String loadAtStart = ProcStats.loadAverage();
		Harness harness = Harness.fromProperties(1, 0.6, 5);
		System.out.printf(Locale.ROOT, "codec round trip (encode + decode): Java %s, %d CPUs, affinity %s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				ProcStats.allowedCpus());
		System.out.println(harness.describe());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("String (19 chars)", "hello, shared state");
		values.put("Long", 1_234_567_890_123L);
		values.put("record Order (4 fields, List<String>)",
				new Order(42L, "ACME Corporation", List.of("apple", "banana", "cherry"), 99.95));
		HashMap<String, Integer> map = new HashMap<>();
		for (int i = 0; i < 20; i++) {
			map.put("entry-" + i, i * 1000);
		}
		values.put("HashMap<String,Integer> (20)", map);

		List<Codec> codecs = List.of(new OurCodec(), new JdkCodec(), new ForyCodec(), new PlainKryoCodec(true),
				new PlainKryoCodec(false));
		List<String[]> table = new ArrayList<>();
		for (Map.Entry<String, Object> value : values.entrySet()) {
			for (Codec codec : codecs) {
				Object original = value.getValue();
				long cold = System.nanoTime();
				Object copy = codec.roundTrip(original);
				double firstMillis = (System.nanoTime() - cold) / 1e6;
				String check = original.equals(copy) ? "ok" : "DIFFERS: " + copy;
				int size = codec.size(original);
				System.out.print("  " + value.getKey() + " / " + codec.name() + " ...");
				System.out.flush();
				double[] rates = harness.measure((count) -> {
					long sum = 0;
					for (int i = 0; i < count; i++) {
						sum += codec.roundTrip(original).hashCode();
					}
					return sum;
				}, 256);
				double median = Harness.median(rates);
				System.out.println(" " + Harness.rate(median) + " ops/s");
				table.add(new String[] { value.getKey(), codec.name(), Harness.rate(median),
						Harness.rate(Harness.min(rates)) + " - " + Harness.rate(Harness.max(rates)),
						Integer.toString(size), String.format(Locale.ROOT, "%.2f", firstMillis), check });
			}
		}
		System.out.println();
		String format = "%-38s %-36s %14s %27s %6s %14s  %s%n";
		System.out.printf(Locale.ROOT, format, "value", "codec", "ops/s (median)", "min - max", "bytes",
				"1st call (ms)", "equal");
		String last = null;
		for (String[] row : table) {
			if (last != null && !last.equals(row[0])) {
				System.out.println();
			}
			last = row[0];
			System.out.printf(Locale.ROOT, format, (Object[]) row);
		}
		System.out.printf(Locale.ROOT, "%ntotal time %.0f s; load average (1, 5, 15 min) at start %s, at end %s%n",
				(System.nanoTime() - started) / 1e9, loadAtStart, ProcStats.loadAverage());
	}

	/** A codec under test. */
	private interface Codec {

		String name();

		/** Encodes and decodes a value; returns the copy. */
		Object roundTrip(Object value);

		/** Returns the encoded size of a value. */
		int size(Object value);

	}

	/** Ours: a one-byte tag, fast paths for String and numbers, Kryo for the rest. */
	private static final class OurCodec implements Codec {

		private final ValueCodec codec = new ValueCodec(ClassAllowList.of(List.of("io.sharedstate")),
				(type, name, custom) -> null);

		private final Output output = new Output(4096, -1);

		private final Input input = new Input();

		@Override
		public String name() {
			return "ValueCodec (ours: tags + Kryo)";
		}

		@Override
		public Object roundTrip(Object value) {
			this.output.reset();
			this.codec.write(this.output, value);
			this.input.setBuffer(this.output.getBuffer(), 0, this.output.position());
			return this.codec.read(this.input);
		}

		@Override
		public int size(Object value) {
			this.output.reset();
			this.codec.write(this.output, value);
			return this.output.position();
		}

	}

	/** JDK serialization with an allow-list filter, new streams per value. */
	private static final class JdkCodec implements Codec {

		private final ObjectInputFilter filter = ObjectInputFilter.Config
			.createFilter("java.lang.*;java.util.*;io.sharedstate.**;!*");

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

		@Override
		public String name() {
			return "JDK serialization + filter";
		}

		private void encode(Object value) {
			this.bytes.reset();
			try (ObjectOutputStream out = new ObjectOutputStream(this.bytes)) {
				out.writeObject(value);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public Object roundTrip(Object value) {
			encode(value);
			try (ObjectInputStream in = new ObjectInputStream(
					new ByteArrayInputStream(this.bytes.toByteArray(), 0, this.bytes.size()))) {
				in.setObjectInputFilter(this.filter);
				return in.readObject();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public int size(Object value) {
			encode(value);
			return this.bytes.size();
		}

	}

	/** Apache Fory, class registration off, reference tracking on (as ours). */
	private static final class ForyCodec implements Codec {

		private final Fory fory = Fory.builder()
			.withLanguage(Language.JAVA)
			.requireClassRegistration(false)
			.withRefTracking(true)
			.build();

		private final MemoryBuffer buffer = MemoryBuffer.newHeapBuffer(4096);

		@Override
		public String name() {
			return "Apache Fory 1.6.0 (no registration)";
		}

		@Override
		public Object roundTrip(Object value) {
			this.buffer.writerIndex(0);
			this.buffer.readerIndex(0);
			this.fory.serialize(this.buffer, value);
			return this.fory.deserialize(this.buffer);
		}

		@Override
		public int size(Object value) {
			this.buffer.writerIndex(0);
			this.fory.serialize(this.buffer, value);
			return this.buffer.writerIndex();
		}

	}

	/**
	 * Kryo alone, writeClassAndObject for every value, configured like ours apart from
	 * the allow-list; with and without reference tracking.
	 */
	private static final class PlainKryoCodec implements Codec {

		private final Kryo kryo = new Kryo();

		private final Output output = new Output(4096, -1);

		private final Input input = new Input();

		private final boolean references;

		PlainKryoCodec(boolean references) {
			this.references = references;
			this.kryo.setRegistrationRequired(false);
			this.kryo.setReferences(references);
			this.kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
			ImmutableCollectionsSerializers.addDefaultSerializers(this.kryo);
		}

		@Override
		public String name() {
			return "Kryo plain, references " + (this.references ? "on" : "off");
		}

		@Override
		public Object roundTrip(Object value) {
			this.output.reset();
			this.kryo.writeClassAndObject(this.output, value);
			this.input.setBuffer(this.output.getBuffer(), 0, this.output.position());
			return this.kryo.readClassAndObject(this.input);
		}

		@Override
		public int size(Object value) {
			this.output.reset();
			this.kryo.writeClassAndObject(this.output, value);
			return this.output.position();
		}

	}

}
