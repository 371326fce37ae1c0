package io.sharedstate.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encodes the tasks a pool sends. The common task, a lambda that captures only strings,
 * numbers and booleans, travels as its {@link SerializedLambda} written field by field
 * and is recreated through its capturing class as Java serialization would, at a small
 * part of the cost (the worker keeps each capturing class's factory method). Any other
 * task goes through Java serialization.
 *
 * <pre>
 * byte 0: 1 lambda task | 2 Java-serialized task
 * lambda task: kind (1 call, 2 run), capturing class, functional interface class, method,
 *              signature, impl kind, impl class, method, signature, instantiated type,
 *              captured count, captured values (tagged scalars)
 * </pre>
 */
final class TaskCodec {

	private static final byte LAMBDA = 1;

	private static final byte JAVA = 2;

	private static final byte CALL = 1;

	private static final byte RUN = 2;

	private static final Map<Class<?>, Method> FACTORIES = new ConcurrentHashMap<>();

	private TaskCodec() {
	}

	/**
	 * Encodes a task.
	 * @param task the task
	 * @return the bytes
	 * @throws IllegalArgumentException if it cannot be serialized; the message names the
	 * class
	 */
	static byte[] encode(PoolTask task) {
		Object function = (task instanceof PoolTask.Call call) ? call.callable()
				: (task instanceof PoolTask.Run run) ? run.runnable() : null;
		SerializedLambda form = (function != null) ? lambdaForm(function) : null;
		if (form == null || !capturesOnlyScalars(form)) {
			byte[] serialized = Payloads.serialize(task, "the task");
			byte[] bytes = new byte[serialized.length + 1];
			bytes[0] = JAVA;
			System.arraycopy(serialized, 0, bytes, 1, serialized.length);
			return bytes;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(LAMBDA);
			out.writeByte((task instanceof PoolTask.Call) ? CALL : RUN);
			out.writeUTF(form.getCapturingClass());
			out.writeUTF(form.getFunctionalInterfaceClass());
			out.writeUTF(form.getFunctionalInterfaceMethodName());
			out.writeUTF(form.getFunctionalInterfaceMethodSignature());
			out.writeInt(form.getImplMethodKind());
			out.writeUTF(form.getImplClass());
			out.writeUTF(form.getImplMethodName());
			out.writeUTF(form.getImplMethodSignature());
			out.writeUTF(form.getInstantiatedMethodType());
			out.writeInt(form.getCapturedArgCount());
			for (int i = 0; i < form.getCapturedArgCount(); i++) {
				Payloads.writeScalar(out, form.getCapturedArg(i));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Decodes a task.
	 * @param bytes what {@link #encode} returned
	 * @return the task
	 * @throws ClassNotFoundException if a class it names is not on this classpath; the
	 * message is the class name
	 * @throws IOException if the bytes are not a task for this process's classes
	 */
	static PoolTask decode(byte[] bytes) throws IOException, ClassNotFoundException {
		if (bytes[0] == JAVA) {
			return (PoolTask) Payloads.deserialize(Arrays.copyOfRange(bytes, 1, bytes.length));
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
			byte kind = in.readByte();
			String capturingClass = in.readUTF().replace('/', '.');
			Class<?> capturing = Class.forName(capturingClass, false, loader());
			String interfaceClass = in.readUTF();
			String interfaceMethod = in.readUTF();
			String interfaceSignature = in.readUTF();
			int implKind = in.readInt();
			String implClass = in.readUTF();
			String implMethod = in.readUTF();
			String implSignature = in.readUTF();
			String instantiated = in.readUTF();
			Object[] captured = new Object[in.readInt()];
			for (int i = 0; i < captured.length; i++) {
				captured[i] = Payloads.readScalar(in);
			}
			Object function = recreate(capturing, new SerializedLambda(capturing, interfaceClass, interfaceMethod,
					interfaceSignature, implKind, implClass, implMethod, implSignature, instantiated, captured));
			return (kind == CALL) ? new PoolTask.Call((Callable<?>) function) : new PoolTask.Run((Runnable) function);
		}
	}

	private static Object recreate(Class<?> capturing, SerializedLambda form) throws InvalidObjectException {
		try {
			Method factory = FACTORIES.computeIfAbsent(capturing, TaskCodec::factoryOf);
			return factory.invoke(null, form);
		}
		catch (InvocationTargetException | IllegalAccessException | RuntimeException ex) {
			InvalidObjectException failure = new InvalidObjectException("Cannot recreate " + form.getImplClass() + "::"
					+ form.getImplMethodName() + " from " + capturing.getName() + ": " + ex);
			failure.initCause(ex);
			throw failure;
		}
	}

	private static Method factoryOf(Class<?> capturing) {
		try {
			Method factory = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
			factory.setAccessible(true);
			return factory;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(capturing.getName() + " declares no serializable lambda", ex);
		}
	}

	private static SerializedLambda lambdaForm(Object function) {
		if (!(function instanceof Serializable) || !function.getClass().isSynthetic()) {
			return null;
		}
		try {
			Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
			writeReplace.setAccessible(true);
			return (writeReplace.invoke(function) instanceof SerializedLambda form) ? form : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null; // not a lambda after all, or not accessible: plain serialization
		}
	}

	private static boolean capturesOnlyScalars(SerializedLambda form) {
		for (int i = 0; i < form.getCapturedArgCount(); i++) {
			if (!Payloads.isScalar(form.getCapturedArg(i))) {
				return false;
			}
		}
		return true;
	}

	private static ClassLoader loader() {
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		return (context != null) ? context : TaskCodec.class.getClassLoader();
	}

}
