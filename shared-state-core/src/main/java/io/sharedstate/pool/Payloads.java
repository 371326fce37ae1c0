package io.sharedstate.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Java serialization of what travels inside pool messages: tasks (serializable lambdas
 * included), results and exceptions. Classes are looked up with the thread's context
 * class loader first, so that workers running from an application jar find the
 * application's classes. Strings, numbers and booleans, alone or as the items and results
 * of a map, take a one-byte tag and their bytes instead.
 *
 * <pre>
 * tag 0 null | 1 String | 2 int | 3 long | 4 double | 5 true | 6 false | 7 Java-serialized object
 * </pre>
 */
final class Payloads {

	private static final byte NULL = 0;

	private static final byte STRING = 1;

	private static final byte INT = 2;

	private static final byte LONG = 3;

	private static final byte DOUBLE = 4;

	private static final byte TRUE = 5;

	private static final byte FALSE = 6;

	private static final byte OBJECT = 7;

	/**
	 * Strings longer than this go through Java serialization, which has no such limit.
	 */
	private static final int MAX_TAGGED_STRING = 16_000;

	private Payloads() {
	}

	/**
	 * Serializes a task's result.
	 * @param value the result
	 * @return the bytes
	 * @throws IllegalArgumentException if it is not serializable
	 */
	static byte[] serializeResult(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			if (!writeScalar(out, value)) {
				out.writeByte(OBJECT);
				out.write(serialize(value, "the task's result"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Deserializes a task's result.
	 * @param bytes what {@link #serializeResult} returned
	 * @return the result
	 * @throws ClassNotFoundException if it names a class this process lacks
	 * @throws IOException if the bytes are not valid here
	 */
	static Object deserializeResult(byte[] bytes) throws IOException, ClassNotFoundException {
		if (bytes.length > 0 && bytes[0] == OBJECT) {
			return deserialize(Arrays.copyOfRange(bytes, 1, bytes.length));
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			return readScalar(in, in.readByte());
		}
	}

	/**
	 * Writes a value inside a Java serialization stream, with the tags for scalars.
	 * @param out the stream
	 * @param value the value
	 * @throws IOException if writing fails
	 */
	static void writeValue(ObjectOutput out, Object value) throws IOException {
		if (!writeScalar(out, value)) {
			out.writeByte(OBJECT);
			out.writeObject(value);
		}
	}

	/**
	 * Reads a value written by {@link #writeValue}.
	 * @param in the stream
	 * @return the value
	 * @throws IOException if reading fails
	 * @throws ClassNotFoundException if it names a class this process lacks
	 */
	static Object readValue(ObjectInput in) throws IOException, ClassNotFoundException {
		byte tag = in.readByte();
		return (tag == OBJECT) ? in.readObject() : readScalar(in, tag);
	}

	/**
	 * Writes a string, number, boolean or {@code null} with its tag.
	 * @param out the stream
	 * @param value the value
	 * @return whether the value was one of those (else nothing was written)
	 * @throws IOException if writing fails
	 */
	static boolean writeScalar(DataOutput out, Object value) throws IOException {
		if (value == null) {
			out.writeByte(NULL);
		}
		else if (value instanceof String string && string.length() <= MAX_TAGGED_STRING) {
			out.writeByte(STRING);
			out.writeUTF(string);
		}
		else if (value instanceof Integer number) {
			out.writeByte(INT);
			out.writeInt(number);
		}
		else if (value instanceof Long number) {
			out.writeByte(LONG);
			out.writeLong(number);
		}
		else if (value instanceof Double number) {
			out.writeByte(DOUBLE);
			out.writeDouble(number);
		}
		else if (value instanceof Boolean bool) {
			out.writeByte(bool ? TRUE : FALSE);
		}
		else {
			return false;
		}
		return true;
	}

	/**
	 * Returns whether {@link #writeScalar} writes a value.
	 * @param value the value
	 * @return whether it is a string, number, boolean or {@code null}
	 */
	static boolean isScalar(Object value) {
		return value == null || (value instanceof String string && string.length() <= MAX_TAGGED_STRING)
				|| value instanceof Integer || value instanceof Long || value instanceof Double
				|| value instanceof Boolean;
	}

	/**
	 * Reads a value written by {@link #writeScalar}.
	 * @param in the stream
	 * @return the value
	 * @throws IOException if reading fails
	 */
	static Object readScalar(DataInput in) throws IOException {
		return readScalar(in, in.readByte());
	}

	private static Object readScalar(DataInput in, byte tag) throws IOException {
		return switch (tag) {
			case NULL -> null;
			case STRING -> in.readUTF();
			case INT -> in.readInt();
			case LONG -> in.readLong();
			case DOUBLE -> in.readDouble();
			case TRUE -> Boolean.TRUE;
			case FALSE -> Boolean.FALSE;
			default -> throw new IOException("Not a pool value: tag " + tag);
		};
	}

	/**
	 * Serializes a value.
	 * @param value the value
	 * @param what what it is, for the error message ("the task")
	 * @return the bytes
	 * @throws IllegalArgumentException if the value, or something it holds, is not
	 * serializable; the message names the class
	 */
	static byte[] serialize(Object value, String what) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (NotSerializableException ex) {
			throw new IllegalArgumentException("Cannot send " + what + " to another process: it holds a "
					+ ex.getMessage() + ", which is not Serializable. Capture only serializable values (shared "
					+ "objects are; a lambda written in an instance method may capture 'this' of its class); in a "
					+ "task, reach the manager with PoolWorker.manager()", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot serialize " + what + ": " + ex, ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Deserializes a value.
	 * @param bytes the bytes
	 * @return the value
	 * @throws ClassNotFoundException if a class it names is not on this classpath; the
	 * message is the class name
	 * @throws IOException if the bytes are not a valid stream for this process's classes
	 */
	static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new ContextLoaderInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
	}

	private static final class ContextLoaderInputStream extends ObjectInputStream {

		ContextLoaderInputStream(InputStream in) throws IOException {
			super(in);
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			if (loader != null) {
				try {
					return Class.forName(description.getName(), false, loader);
				}
				catch (ClassNotFoundException ex) {
					// primitives and classes only the default lookup finds
				}
			}
			return super.resolveClass(description);
		}

	}

}
