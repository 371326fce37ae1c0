package io.sharedstate.codec;

import java.lang.invoke.SerializedLambda;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * What a serializable lambda or method reference records about itself, as it travels: the
 * fields of {@link SerializedLambda} without the captured arguments, and with class names
 * instead of classes, so that the reader decides what to load.
 *
 * @param capturingClass the binary name of the class whose code created the function
 * @param interfaceClass the functional interface, slash-separated
 * @param interfaceMethod the interface method's name
 * @param interfaceSignature the interface method's erased descriptor
 * @param implKind the {@code MethodHandleInfo.REF_*} kind of the implementation
 * @param implClass the class of the implementation method, slash-separated
 * @param implMethod the implementation method's name: the referenced method, or a
 * synthetic {@code lambda$...} method for a lambda
 * @param implSignature the implementation method's descriptor
 * @param instantiatedType the interface method's descriptor with type arguments applied
 */
record FunctionForm(String capturingClass, String interfaceClass, String interfaceMethod, String interfaceSignature,
		int implKind, String implClass, String implMethod, String implSignature, String instantiatedType) {

	static FunctionForm of(SerializedLambda lambda) {
		return new FunctionForm(lambda.getCapturingClass().replace('/', '.'), lambda.getFunctionalInterfaceClass(),
				lambda.getFunctionalInterfaceMethodName(), lambda.getFunctionalInterfaceMethodSignature(),
				lambda.getImplMethodKind(), lambda.getImplClass(), lambda.getImplMethodName(),
				lambda.getImplMethodSignature(), lambda.getInstantiatedMethodType());
	}

	static FunctionForm read(Input input) {
		return new FunctionForm(input.readString(), input.readString(), input.readString(), input.readString(),
				input.readVarInt(true), input.readString(), input.readString(), input.readString(), input.readString());
	}

	void write(Output output) {
		output.writeString(this.capturingClass);
		output.writeString(this.interfaceClass);
		output.writeString(this.interfaceMethod);
		output.writeString(this.interfaceSignature);
		output.writeVarInt(this.implKind, true);
		output.writeString(this.implClass);
		output.writeString(this.implMethod);
		output.writeString(this.implSignature);
		output.writeString(this.instantiatedType);
	}

	SerializedLambda toSerializedLambda(Class<?> capturing, Object[] captured) {
		return new SerializedLambda(capturing, this.interfaceClass, this.interfaceMethod, this.interfaceSignature,
				this.implKind, this.implClass, this.implMethod, this.implSignature, this.instantiatedType, captured);
	}

	/**
	 * Returns whether this is a lambda (its body compiled into a synthetic method of the
	 * capturing class) rather than a method reference.
	 * @return whether it is a lambda
	 */
	boolean isLambda() {
		return this.implMethod.startsWith("lambda$");
	}

	/**
	 * Returns the binary name of the implementation method's class.
	 * @return the name, dot-separated
	 */
	String implClassName() {
		return this.implClass.replace('/', '.');
	}

	/**
	 * Names the function for a message: {@code com.example.Order::combine}, or
	 * {@code a lambda of com.example.Readme (lambda$main$0)}.
	 * @return the description
	 */
	String describe() {
		return isLambda() ? "a lambda of " + this.capturingClass + " (" + this.implMethod + ")"
				: "the method reference " + implClassName() + "::" + this.implMethod;
	}

}
