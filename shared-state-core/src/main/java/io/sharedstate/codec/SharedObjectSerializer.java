package io.sharedstate.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.SharedObject;
import io.sharedstate.SharedType;

/**
 * Encodes a shared object nested in a value as a reference (type and name), and decodes
 * it into the decoding engine's live object, so that a list stored in a dict stays one
 * list.
 */
final class SharedObjectSerializer extends Serializer<SharedObject> {

	private final SharedObjectResolver resolver;

	SharedObjectSerializer(SharedObjectResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public void write(Kryo kryo, Output output, SharedObject object) {
		output.writeByte(object.type().code());
		output.writeString(object.name());
	}

	@Override
	public SharedObject read(Kryo kryo, Input input, Class<? extends SharedObject> type) {
		SharedType sharedType = SharedType.ofCode(input.readByte());
		return this.resolver.resolve(sharedType, input.readString());
	}

}
