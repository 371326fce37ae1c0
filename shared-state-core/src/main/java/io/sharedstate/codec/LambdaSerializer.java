package io.sharedstate.codec;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.api.MissingClassException;

/**
 * Encodes serializable lambdas and method references as their {@link SerializedLambda}
 * and recreates them through the capturing class, as Java serialization does. The
 * capturing class goes through the allow-list like any other class; so do the captured
 * arguments.
 */
final class LambdaSerializer extends Serializer<Object> {

	@Override
	public void write(Kryo kryo, Output output, Object lambda) {
		SerializedLambda form = serializedForm(lambda);
		output.writeVarInt(form.getCapturedArgCount(), true);
		for (int i = 0; i < form.getCapturedArgCount(); i++) {
			kryo.writeClassAndObject(output, form.getCapturedArg(i));
		}
		kryo.writeClass(output, capturingClass(form, lambda.getClass().getClassLoader()));
		output.writeString(form.getFunctionalInterfaceClass());
		output.writeString(form.getFunctionalInterfaceMethodName());
		output.writeString(form.getFunctionalInterfaceMethodSignature());
		output.writeVarInt(form.getImplMethodKind(), true);
		output.writeString(form.getImplClass());
		output.writeString(form.getImplMethodName());
		output.writeString(form.getImplMethodSignature());
		output.writeString(form.getInstantiatedMethodType());
	}

	@Override
	public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
		Object[] captured = new Object[input.readVarInt(true)];
		for (int i = 0; i < captured.length; i++) {
			captured[i] = kryo.readClassAndObject(input);
		}
		Class<?> capturingClass = kryo.readClass(input).getType();
		SerializedLambda form = new SerializedLambda(capturingClass, input.readString(), input.readString(),
				input.readString(), input.readVarInt(true), input.readString(), input.readString(), input.readString(),
				input.readString(), captured);
		try {
			Method deserialize = capturingClass.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
			deserialize.setAccessible(true);
			return deserialize.invoke(null, form);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new MissingClassException("Cannot recreate the function " + form.getImplClass() + "::"
					+ form.getImplMethodName() + " in this process: the class " + capturingClass.getName()
					+ " that defines it is not the same here (rebuild and redeploy it to every process).", ex);
		}
	}

	private static SerializedLambda serializedForm(Object lambda) {
		if (!(lambda instanceof Serializable)) {
			throw new IllegalArgumentException("Function " + lambda + " is not serializable");
		}
		try {
			Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
			writeReplace.setAccessible(true);
			return (SerializedLambda) writeReplace.invoke(lambda);
		}
		catch (ReflectiveOperationException ex) {
			throw new KryoException("Cannot encode the function " + lambda, ex);
		}
	}

	private static Class<?> capturingClass(SerializedLambda form, ClassLoader loader) {
		try {
			String name = form.getCapturingClass().replace('/', '.');
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException ex) {
			throw new KryoException("Cannot find the class that defines the function " + form.getImplMethodName(), ex);
		}
	}

}
