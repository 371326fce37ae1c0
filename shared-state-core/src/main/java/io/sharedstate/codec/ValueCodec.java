package io.sharedstate.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;

import io.sharedstate.api.SharedStateException;

/**
 * Encodes the values and functions that travel between processes. Strings, numbers,
 * booleans and byte arrays take a one-byte tag and their bytes; everything else goes
 * through Kryo with the allow-list. A codec is thread-safe.
 *
 * <pre>
 * tag 0 null | 1 String | 2 int | 3 long | 4 double | 5 true | 6 false | 7 byte[] | 8 object (Kryo)
 * </pre>
 */
public final class ValueCodec {

	private static final byte NULL = 0;

	private static final byte STRING = 1;

	private static final byte INT = 2;

	private static final byte LONG = 3;

	private static final byte DOUBLE = 4;

	private static final byte TRUE = 5;

	private static final byte FALSE = 6;

	private static final byte BYTES = 7;

	private static final byte OBJECT = 8;

	private final Pool<SharedKryo> kryos;

	/**
	 * Creates a codec.
	 * @param allowList the classes decoding may instantiate
	 * @param resolver turns decoded references to shared objects into live objects
	 */
	public ValueCodec(ClassAllowList allowList, SharedObjectResolver resolver) {
		MethodReferences methodReferences = new MethodReferences(allowList);
		this.kryos = new Pool<>(true, false) {
			@Override
			protected SharedKryo create() {
				return new SharedKryo(allowList, resolver, methodReferences);
			}
		};
	}

	/**
	 * Writes a value with its tag.
	 * @param output the buffer
	 * @param value the value, may be {@code null}
	 * @throws IllegalArgumentException if the value cannot be encoded
	 */
	public void write(Output output, Object value) {
		if (value == null) {
			output.writeByte(NULL);
		}
		else if (value instanceof String string) {
			output.writeByte(STRING);
			output.writeString(string);
		}
		else if (value instanceof Integer number) {
			output.writeByte(INT);
			output.writeInt(number);
		}
		else if (value instanceof Long number) {
			output.writeByte(LONG);
			output.writeLong(number);
		}
		else if (value instanceof Double number) {
			output.writeByte(DOUBLE);
			output.writeDouble(number);
		}
		else if (value instanceof Boolean bool) {
			output.writeByte(bool ? TRUE : FALSE);
		}
		else if (value instanceof byte[] bytes) {
			output.writeByte(BYTES);
			output.writeVarInt(bytes.length, true);
			output.writeBytes(bytes);
		}
		else {
			output.writeByte(OBJECT);
			writeObject(output, value);
		}
	}

	/**
	 * Reads a value written by {@link #write}.
	 * @param input the buffer
	 * @return the value
	 * @throws io.sharedstate.api.ClassNotAllowedException if the value names a class that
	 * is not allowed
	 * @throws io.sharedstate.api.MissingClassException if it names a class this process
	 * does not have
	 */
	public Object read(Input input) {
		byte tag = input.readByte();
		return switch (tag) {
			case NULL -> null;
			case STRING -> input.readString();
			case INT -> input.readInt();
			case LONG -> input.readLong();
			case DOUBLE -> input.readDouble();
			case TRUE -> Boolean.TRUE;
			case FALSE -> Boolean.FALSE;
			case BYTES -> input.readBytes(input.readVarInt(true));
			case OBJECT -> readObject(input);
			default -> throw new SharedStateException("Malformed value: unknown tag " + tag);
		};
	}

	private void writeObject(Output output, Object value) {
		SharedKryo kryo = this.kryos.obtain();
		try {
			kryo.writeClassAndObject(output, value);
		}
		catch (KryoException | IllegalArgumentException | IllegalStateException ex) {
			RuntimeException ours = ourCause(ex);
			if (ours != null) {
				throw ours;
			}
			throw new IllegalArgumentException("Cannot encode a value of " + value.getClass().getName() + ": "
					+ ex.getMessage() + ". Use a record, a POJO, an enum or a JDK collection of them.", ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"Cannot encode a value of " + value.getClass().getName() + ": " + ex.getMessage(), ex);
		}
		finally {
			this.kryos.free(kryo);
		}
	}

	private Object readObject(Input input) {
		SharedKryo kryo = this.kryos.obtain();
		try {
			return kryo.readValue(input);
		}
		catch (RuntimeException ex) {
			RuntimeException ours = ourCause(ex);
			if (ours != null) {
				throw ours;
			}
			throw new SharedStateException("Cannot decode a value: " + ex.getMessage(), ex);
		}
		finally {
			this.kryos.free(kryo);
		}
	}

	private static RuntimeException ourCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SharedStateException ours) {
				return ours;
			}
		}
		return null;
	}

}
