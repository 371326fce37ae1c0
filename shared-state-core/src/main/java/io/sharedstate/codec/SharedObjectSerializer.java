package io.sharedstate.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.custom.CustomObject;
import io.sharedstate.custom.CustomTypeRef;

/**
 * Encodes a shared object nested in a value as a reference (type and name, plus type id
 * and interface name for a custom object), and decodes it into the decoding engine's live
 * object, so that a list stored in a dict stays one list.
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
		if (object instanceof CustomObject custom) {
			output.writeString(custom.typeId());
			output.writeString(custom.sharedInterface().getName());
		}
	}

	@Override
	public SharedObject read(Kryo kryo, Input input, Class<? extends SharedObject> type) {
		SharedType sharedType = SharedType.ofCode(input.readByte());
		String name = input.readString();
		CustomTypeRef custom = (sharedType == SharedType.CUSTOM)
				? new CustomTypeRef(input.readString(), input.readString()) : null;
		return this.resolver.resolve(sharedType, name, custom);
	}

}
