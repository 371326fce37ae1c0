package io.sharedstate.pool;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The items or results of a map chunk on their way between processes: scalars take a tag
 * and their bytes ({@link Payloads#writeValue}), other values Java serialization.
 */
final class ValueList implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private transient List<Object> values;

	ValueList(List<Object> values) {
		this.values = values;
	}

	List<Object> values() {
		return this.values;
	}

	@Serial
	private void writeObject(ObjectOutputStream out) throws IOException {
		out.writeInt(this.values.size());
		for (Object value : this.values) {
			Payloads.writeValue(out, value);
		}
	}

	@Serial
	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		int size = in.readInt();
		List<Object> read = new ArrayList<>(Math.min(size, 1 << 16));
		for (int i = 0; i < size; i++) {
			read.add(Payloads.readValue(in));
		}
		this.values = read;
	}

}
