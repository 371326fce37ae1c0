package io.sharedstate.codec;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.codec.allowed.Holders;
import io.sharedstate.codec.canary.CanaryLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Decoding never runs, loads or builds a serializer for a class that is not allowed,
 * however the input embeds it. The frames are written from canaries of a separate class
 * loader (as a hostile peer would have them), so this class loader's canary has run
 * nothing unless decoding ran it.
 */
class AllowListBypassTests {

	private static final String CANARY = "io.sharedstate.codec.canary.Canary";

	private static final ClassAllowList ALLOW_HOLDERS = ClassAllowList.of(List.of("io.sharedstate.codec.allowed"));

	private static URLClassLoader peer;

	private final ValueCodec writer = new ValueCodec(ClassAllowList.of(List.of()), (type, name, custom) -> null);

	private final ValueCodec reader = new ValueCodec(ALLOW_HOLDERS, (type, name, custom) -> null);

	@BeforeAll
	static void loadThePeersClasses() {
		URL testClasses = Holders.class.getProtectionDomain().getCodeSource().getLocation();
		peer = new URLClassLoader(new URL[] { testClasses }, ClassLoader.getPlatformClassLoader());
	}

	@AfterAll
	static void closeThePeersClasses() throws IOException {
		peer.close();
	}

	@AfterEach
	void noCanaryCodeRanHere() {
		assertThat(CanaryLog.events()).as("canary code run in the decoding class loader").isEmpty();
	}

	@Test
	void canaryNamedByTheFrameIsRefusedBeforeItIsLoaded() {
		byte[] frame = encode(canary());
		RecordingLoader loader = new RecordingLoader();
		SharedKryo kryo = readingKryo();
		kryo.setClassLoader(loader);
		assertRefused(() -> readDirectly(kryo, frame));
		assertThat(loader.requested).doesNotContain(CANARY);
	}

	@Test
	void canaryAsFinalFieldTypeIsRefusedWithoutASerializer() throws ClassNotFoundException {
		byte[] frame = encode(peerObject("io.sharedstate.codec.allowed.Holders$FinalField", canary()));
		SharedKryo kryo = readingKryo();
		assertRefused(() -> readDirectly(kryo, frame));
		Class<?> canaryHere = Class.forName(CANARY, false, getClass().getClassLoader());
		assertThat(kryo.getClassResolver().getRegistration(canaryHere)).as("registration built for the canary")
			.isNull();
	}

	@Test
	void canaryAsRecordComponentIsRefused() {
		assertRefused(peerObject("io.sharedstate.codec.allowed.Holders$Component", canary()));
	}

	@Test
	void canaryAsArrayComponentTypeIsRefused() {
		Object canaries = Array.newInstance(canary().getClass(), 1);
		Array.set(canaries, 0, canary());
		assertRefused(peerObject("io.sharedstate.codec.allowed.Holders$ArrayField", canaries));
		assertRefused(canaries);
	}

	@Test
	void canaryAsDeclaredCollectionElementIsRefused() {
		assertRefused(peerObject("io.sharedstate.codec.allowed.Holders$ListField", new ArrayList<>(List.of(canary()))));
		assertRefused(new ArrayList<>(List.of(canary())));
	}

	@Test
	void canaryAsMapKeyIsRefusedBeforeItsHashCodeOrCompareToRuns() {
		Map<Object, String> hashed = new HashMap<>(Map.of(canary(), "v"));
		assertRefused(peerObject("io.sharedstate.codec.allowed.Holders$MapKeyField", hashed));
		assertRefused(hashed);
		assertRefused(new ConcurrentHashMap<>(hashed));
		Map<Object, String> sorted = new TreeMap<>();
		sorted.put(canary(), "a");
		sorted.put(canary(), "b");
		assertRefused(sorted);
		assertRefused(Set.of(canary()));
	}

	@Test
	void allowedHolderWithoutACanaryStillDecodes() {
		Object holder = peerObject("io.sharedstate.codec.allowed.Holders$MapKeyField", new HashMap<>());
		Object decoded = this.reader.read(new Input(encode(holder)));
		assertThat(decoded).isInstanceOf(Holders.MapKeyField.class);
	}

	private void assertRefused(Object peerValue) {
		byte[] frame = encode(peerValue);
		assertRefused(() -> this.reader.read(new Input(frame)));
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
		assertThatExceptionOfType(ClassNotAllowedException.class).isThrownBy(decode)
			.withMessageContaining("Refusing to decode an instance of " + CANARY)
			.withMessageContaining("'io.sharedstate.codec.canary'");
	}

	private static SharedKryo readingKryo() {
		return new SharedKryo(ALLOW_HOLDERS, (type, name, custom) -> null, new MethodReferences(ALLOW_HOLDERS));
	}

	/**
	 * Decodes with a given Kryo, past the codec's tag, and throws what the codec would:
	 * the allow-list's refusal rather than Kryo's wrapper.
	 */
	private static Object readDirectly(SharedKryo kryo, byte[] frame) {
		try {
			return kryo.readValue(new Input(frame, 1, frame.length - 1));
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof ClassNotAllowedException refused) {
					throw refused;
				}
			}
			throw ex;
		}
	}

	private byte[] encode(Object value) {
		Output output = new Output(256, -1);
		this.writer.write(output, value);
		return output.toBytes();
	}

	private static Object canary() {
		return peerObject(CANARY);
	}

	/**
	 * Creates an object of the peer's copy of a class through its one public constructor.
	 */
	private static Object peerObject(String className, Object... args) {
		try {
			Constructor<?> constructor = peer.loadClass(className).getConstructors()[0];
			return constructor.newInstance(args);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Records every class it is asked for, and finds it where the test class loader does.
	 */
	private static final class RecordingLoader extends ClassLoader {

		final List<String> requested = new ArrayList<>();

		RecordingLoader() {
			super(AllowListBypassTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			this.requested.add(name);
			return super.loadClass(name, resolve);
		}

	}

}
