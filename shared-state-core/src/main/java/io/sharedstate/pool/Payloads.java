package io.sharedstate.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of what travels inside pool messages: tasks (serializable lambdas
 * included), results and exceptions. Classes are looked up with the thread's context
 * class loader first, so that workers running from an application jar find the
 * application's classes.
 */
final class Payloads {

	private Payloads() {
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
