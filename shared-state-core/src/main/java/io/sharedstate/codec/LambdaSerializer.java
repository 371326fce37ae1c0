package io.sharedstate.codec;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.api.MissingClassException;
import io.sharedstate.api.SharedStateException;

/**
 * Encodes serializable lambdas and method references as their {@link SerializedLambda},
 * the class that created them travelling as a name. Decoding rebuilds a method reference
 * to a public method of an allowed class from that form alone ({@link MethodReferences});
 * anything else (a lambda, whose body lives in the class that created it) is recreated
 * through that class, as Java serialization does, once its name passes the allow-list.
 * The captured arguments are decoded like any value.
 */
final class LambdaSerializer extends Serializer<Object> {

	private static final String NO_CLASS_NEEDED = "pass a method reference to a public method of a JDK class (such "
			+ "as Long::sum or String::concat) or one of io.sharedstate.function.SharedFunctions, which run without it";

	/** A method has at most 255 parameter slots, so no function captures more. */
	private static final int MAX_CAPTURED = 255;

	private final ClassAllowList allowList;

	private final MethodReferences methodReferences;

	LambdaSerializer(ClassAllowList allowList, MethodReferences methodReferences) {
		this.allowList = allowList;
		this.methodReferences = methodReferences;
	}

	@Override
	public void write(Kryo kryo, Output output, Object lambda) {
		SerializedLambda lambdaForm = serializedForm(lambda);
		FunctionForm.of(lambdaForm).write(output);
		output.writeVarInt(lambdaForm.getCapturedArgCount(), true);
		for (int i = 0; i < lambdaForm.getCapturedArgCount(); i++) {
			kryo.writeClassAndObject(output, lambdaForm.getCapturedArg(i));
		}
	}

	@Override
	public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
		FunctionForm form = FunctionForm.read(input);
		boolean rebuildable = this.methodReferences.mayRebuild(form);
		if (!rebuildable) {
			checkCreator(form);
		}
		int count = input.readVarInt(true);
		if (count > MAX_CAPTURED) {
			throw new SharedStateException("Malformed function: " + count + " captured arguments");
		}
		Object[] captured = new Object[count];
		for (int i = 0; i < captured.length; i++) {
			captured[i] = kryo.readClassAndObject(input);
		}
		if (rebuildable) {
			Object function = this.methodReferences.rebuild(form, captured, kryo.getClassLoader());
			if (function != null) {
				return function;
			}
			checkCreator(form);
		}
		return throughCreator(form, captured, kryo.getClassLoader());
	}

	private void checkCreator(FunctionForm form) {
		if (!this.allowList.isAllowed(form.capturingClass())) {
			throw new ClassNotAllowedException(notAllowedMessage(form));
		}
	}

	private static Object throughCreator(FunctionForm form, Object[] captured, ClassLoader loader) {
		Class<?> creator;
		try {
			creator = Class.forName(form.capturingClass(), false, loader);
		}
		catch (ClassNotFoundException ex) {
			throw new MissingClassException("Cannot run " + form.describe()
					+ ": it runs through the class that created " + "it, " + form.capturingClass()
					+ ", which is allowed but not on the classpath of this process. Put " + "the jar that holds "
					+ form.capturingClass() + " on the manager server's classpath, or " + NO_CLASS_NEEDED + ".", ex);
		}
		try {
			Method deserialize = creator.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
			deserialize.setAccessible(true);
			return deserialize.invoke(null, form.toSerializedLambda(creator, captured));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			Throwable cause = (ex instanceof InvocationTargetException invocation) ? invocation.getCause() : ex;
			throw new MissingClassException("Cannot recreate " + form.describe() + " in this process: the class "
					+ form.capturingClass() + " that created it is not the same here (rebuild it and redeploy it to "
					+ "every process).", cause);
		}
	}

	private static String notAllowedMessage(FunctionForm form) {
		String creator = form.capturingClass();
		String needed = form.isLambda() ? creator : form.implClassName();
		String why = form.isLambda() ? "a lambda runs through the class that created it, and " + creator + " is not"
				: "only method references to public methods of allowed classes are rebuilt here, otherwise they run "
						+ "through the class that created them, and neither " + needed + " nor " + creator + " is";
		return "Refusing to run " + form.describe() + ": " + why + " in an allowed package of this process. Either "
				+ "add '" + ClassAllowList.packageOf(needed) + "' to the manager server's allowed packages "
				+ "(shared-state.allowed-packages with Spring Boot, or ServerOptions.withAllowedPackages(...)) and put "
				+ needed + " on the server's classpath, or " + NO_CLASS_NEEDED + ".";
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

}
