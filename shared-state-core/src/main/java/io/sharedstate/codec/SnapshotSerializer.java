package io.sharedstate.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.snapshot.Snapshots;
import io.sharedstate.snapshot.Tuple;

/**
 * Encodes a snapshot (or a {@link Tuple}) by its contents and decodes it as a snapshot
 * (or tuple) again, so a collection read from shared state stays read-only in every
 * process.
 */
final class SnapshotSerializer extends Serializer<Object> {

	SnapshotSerializer() {
		setImmutable(true);
	}

	@Override
	public void write(Kryo kryo, Output output, Object value) {
		if (value instanceof Map<?, ?> map) {
			output.writeVarInt(map.size(), true);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				kryo.writeClassAndObject(output, entry.getKey());
				kryo.writeClassAndObject(output, entry.getValue());
			}
			return;
		}
		Collection<?> collection = (Collection<?>) value;
		output.writeVarInt(collection.size(), true);
		for (Object element : collection) {
			kryo.writeClassAndObject(output, element);
		}
	}

	@Override
	public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
		int size = input.readVarInt(true);
		if (Map.class.isAssignableFrom(type)) {
			Map<Object, Object> map = new LinkedHashMap<>(Math.max(16, size * 2));
			for (int i = 0; i < size; i++) {
				map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
			}
			return Snapshots.of(map);
		}
		Collection<Object> collection = Set.class.isAssignableFrom(type) ? new LinkedHashSet<>(Math.max(16, size * 2))
				: new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			collection.add(kryo.readClassAndObject(input));
		}
		return (type == Tuple.class) ? Tuple.copyOf(collection) : Snapshots.of(collection);
	}

}
