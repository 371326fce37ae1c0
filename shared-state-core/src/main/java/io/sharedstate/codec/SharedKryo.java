package io.sharedstate.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;

import org.objenesis.strategy.StdInstantiatorStrategy;

import io.sharedstate.api.SharedObject;
import io.sharedstate.snapshot.SnapshotList;
import io.sharedstate.snapshot.SnapshotMap;
import io.sharedstate.snapshot.SnapshotSet;
import java.util.List;
import io.sharedstate.snapshot.Tuple;

/**
 * A Kryo set up for shared state: no registration needed, every decoded class checked
 * against the allow-list, POJOs without a no-argument constructor supported, lambdas
 * encoded as serialized lambdas, shared objects encoded as references, JDK wrapper
 * collections encoded by content. Object graphs may share and cycle references.
 * <p>
 * While decoding, every class Kryo is about to build a serializer for or read an instance
 * of is checked, not only the classes the input names: Kryo writes no class name for a
 * field, record component, array element or generic collection element or map key whose
 * declared type is final, so a check of named classes alone could be bypassed.
 */
final class SharedKryo extends Kryo {

	/**
	 * The mutable JDK collections Kryo's own serializers handle by instantiating the
	 * class.
	 */
	private static final Set<Class<?>> PLAIN_COLLECTIONS = Set.of(java.util.ArrayList.class, java.util.LinkedList.class,
			java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.HashSet.class,
			java.util.LinkedHashSet.class, java.util.TreeSet.class, java.util.ArrayDeque.class,
			java.util.concurrent.ConcurrentHashMap.class, java.util.concurrent.CopyOnWriteArrayList.class,
			java.util.concurrent.ConcurrentSkipListMap.class);

	private final ClassAllowList allowList;

	private boolean decoding;

	SharedKryo(ClassAllowList allowList, SharedObjectResolver resolver, MethodReferences methodReferences) {
		super(new AllowListClassResolver(allowList), new MapReferenceResolver());
		this.allowList = allowList;
		setRegistrationRequired(false);
		setWarnUnregisteredClasses(false);
		setReferences(true);
		setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
		addDefaultSerializer(UUID.class, new UuidSerializer());
		Serializer<Object> snapshots = new SnapshotSerializer();
		register(SnapshotList.class, snapshots, 100);
		register(SnapshotSet.class, snapshots, 101);
		register(SnapshotMap.class, snapshots, 102);
		register(ClosureSerializer.Closure.class, new LambdaSerializer(allowList, methodReferences), 103);
		Serializer<SharedObject> references = new SharedObjectSerializer(resolver);
		register(SharedObject.class, references, 104);
		register(Tuple.class, snapshots, 105);
		addDefaultSerializer(SharedObject.class, references);
	}

	/**
	 * Reads a value written by {@link #writeClassAndObject}, checking every class on the
	 * way.
	 * @param input the buffer
	 * @return the value
	 */
	Object readValue(Input input) {
		this.decoding = true;
		try {
			return readClassAndObject(input);
		}
		finally {
			this.decoding = false;
		}
	}

	/**
	 * Every serializer Kryo uses while decoding comes from here, including those of final
	 * field types it reads without a class name.
	 */
	@Override
	public Registration getRegistration(Class type) {
		if (this.decoding && type != null) {
			this.allowList.check(type);
		}
		return super.getRegistration(type);
	}

	/** A field serializer reuses the serializer of a final field type it built before. */
	@Override
	public <T> T readObject(Input input, Class<T> type, Serializer serializer) {
		this.allowList.check(type);
		return super.readObject(input, type, serializer);
	}

	/** A field serializer reuses the serializer of a final field type it built before. */
	@Override
	public <T> T readObjectOrNull(Input input, Class<T> type, Serializer serializer) {
		this.allowList.check(type);
		return super.readObjectOrNull(input, type, serializer);
	}

	/**
	 * Writes collections and maps of any other class as the plain JDK class with the same
	 * contract (list, set or map), so the reader needs neither the writer's class nor the
	 * right to build it: {@code List.of(...)}, unmodifiable views and the caller's own
	 * collection types all arrive as plain collections, and are stored as snapshots.
	 */
	@Override
	public Registration writeClass(Output output, Class type) {
		return super.writeClass(output, canonical(type));
	}

	private static Class<?> canonical(Class<?> type) {
		if (type != null && SharedObject.class.isAssignableFrom(type)) {
			// A reference: the reader resolves it into its own live object or proxy, and
			// needs neither this class nor the right to instantiate it.
			return SharedObject.class;
		}
		if (type == null || PLAIN_COLLECTIONS.contains(type) || type.getName().startsWith("io.sharedstate.snapshot.")
				|| EnumSet.class.isAssignableFrom(type)) {
			return type;
		}
		if (Map.class.isAssignableFrom(type)) {
			return LinkedHashMap.class;
		}
		if (Set.class.isAssignableFrom(type)) {
			return LinkedHashSet.class;
		}
		if (Collection.class.isAssignableFrom(type)) {
			return ArrayList.class;
		}
		return type;
	}

	/** Kryo has no serializer for UUID, and reflection into java.base is closed. */
	private static final class UuidSerializer extends Serializer<UUID> {

		UuidSerializer() {
			setImmutable(true);
		}

		@Override
		public void write(Kryo kryo, Output output, UUID uuid) {
			output.writeLong(uuid.getMostSignificantBits());
			output.writeLong(uuid.getLeastSignificantBits());
		}

		@Override
		public UUID read(Kryo kryo, Input input, Class<? extends UUID> type) {
			return new UUID(input.readLong(), input.readLong());
		}

	}

}
