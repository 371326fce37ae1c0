package io.sharedstate.codec;

import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sharedstate.api.MissingClassException;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.function.SerializableBinaryOperator;
import io.sharedstate.function.SerializableComparator;
import io.sharedstate.function.SerializableFunction;
import io.sharedstate.function.SerializablePredicate;
import io.sharedstate.function.SerializableUnaryOperator;

/**
 * Rebuilds a method reference such as {@code Long::sum} from its recorded form, so that
 * the manager server runs it without the class that created it (a lambda, whose body is
 * compiled into that class, still needs it). Only public methods and constructors of
 * public classes are rebuilt, of classes that decoding may instantiate or of the few JDK
 * helper classes and interfaces below, and only for this library's serializable function
 * interfaces. The rebuilt function is made by {@link LambdaMetafactory}, as the JVM makes
 * a method reference, and is serializable again.
 */
final class MethodReferences {

	/**
	 * JDK classes and interfaces whose public methods a function may reference without
	 * decoding being allowed to instantiate them.
	 */
	private static final Set<String> JDK_CALLABLE = Set.of("java.lang.Math", "java.lang.StrictMath",
			"java.util.Objects", "java.util.Collections", "java.lang.Number", "java.lang.CharSequence",
			"java.lang.Comparable", "java.util.Collection", "java.util.List", "java.util.Set", "java.util.Map",
			"java.util.Map$Entry");

	/**
	 * Methods of allowed classes that a peer must not call: they read this process's
	 * system properties or hand out classes.
	 */
	private static final Set<String> NEVER_CALLED = Set.of("java.lang.Integer.getInteger", "java.lang.Long.getLong",
			"java.lang.Boolean.getBoolean", "java.lang.Object.getClass");

	/** The interfaces whose references are rebuilt, by slash-separated name. */
	private static final Map<String, Class<?>> INTERFACES = Stream
		.of(SerializableFunction.class, SerializableBiFunction.class, SerializableUnaryOperator.class,
				SerializableBinaryOperator.class, SerializablePredicate.class, SerializableComparator.class)
		.collect(Collectors.toUnmodifiableMap((type) -> type.getName().replace('.', '/'), (type) -> type));

	/**
	 * How many distinct method references are rebuilt: each costs a generated class for
	 * the life of the process, so a peer cannot make this process generate any number.
	 */
	private static final int MAX_REBUILT = 1024;

	private static final MethodHandles.Lookup CALLER = MethodHandles.lookup();

	private final ClassAllowList allowList;

	/**
	 * Factories of rebuilt functions (captured arguments in, function out); empty if not
	 * rebuildable.
	 */
	private final ConcurrentMap<Target, Optional<MethodHandle>> factories = new ConcurrentHashMap<>();

	MethodReferences(ClassAllowList allowList) {
		this.allowList = allowList;
	}

	/**
	 * Returns whether a function may be rebuilt here, judged from its names alone, before
	 * any class is loaded.
	 * @param form the function's form
	 * @return whether {@link #rebuild} may be tried
	 */
	boolean mayRebuild(FunctionForm form) {
		if (form.isLambda() || !INTERFACES.containsKey(form.interfaceClass())) {
			return false;
		}
		int kind = form.implKind();
		if (kind != MethodHandleInfo.REF_invokeStatic && kind != MethodHandleInfo.REF_invokeVirtual
				&& kind != MethodHandleInfo.REF_invokeInterface && kind != MethodHandleInfo.REF_newInvokeSpecial) {
			return false;
		}
		String owner = form.implClassName();
		return JDK_CALLABLE.contains(owner) || this.allowList.isAllowed(owner);
	}

	/**
	 * Rebuilds a method reference that {@link #mayRebuild} accepted.
	 * @param form the function's form
	 * @param captured the captured arguments (a bound receiver, for
	 * {@code "prefix"::concat})
	 * @param loader where to find the method's class
	 * @return the function, or {@code null} if the form does not name a public method of
	 * a public class that fits the interface
	 * @throws MissingClassException if the method's class is not on the classpath
	 */
	Object rebuild(FunctionForm form, Object[] captured, ClassLoader loader) {
		Target target = new Target(form.implKind(), form.implClass(), form.implMethod(), form.implSignature(),
				form.interfaceClass(), form.interfaceMethod(), form.interfaceSignature(), captured.length);
		Optional<MethodHandle> factory = this.factories.get(target);
		if (factory == null) {
			if (this.factories.size() >= MAX_REBUILT) {
				return null;
			}
			factory = this.factories.computeIfAbsent(target, (key) -> factory(form, captured.length, loader));
		}
		if (factory.isEmpty()) {
			return null;
		}
		try {
			return factory.get().invokeWithArguments(captured);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot rebuild " + form.describe(), ex);
		}
	}

	private Optional<MethodHandle> factory(FunctionForm form, int capturedCount, ClassLoader loader) {
		Class<?> functionalInterface = INTERFACES.get(form.interfaceClass());
		Method sam = abstractMethod(functionalInterface);
		if (!sam.getName().equals(form.interfaceMethod())
				|| !descriptor(sam.getReturnType(), sam.getParameterTypes()).equals(form.interfaceSignature())) {
			return Optional.empty();
		}
		Class<?> owner;
		try {
			owner = Class.forName(form.implClassName(), false, loader);
		}
		catch (ClassNotFoundException ex) {
			throw new MissingClassException("Cannot run " + form.describe() + ": " + form.implClassName()
					+ " is allowed but not on the classpath of this process. Put the jar that holds it on the manager "
					+ "server's classpath.", ex);
		}
		MethodHandle implementation = implementation(owner, form);
		if (implementation == null) {
			return Optional.empty();
		}
		MethodType implType = implementation.type();
		if (implType.parameterCount() != capturedCount + sam.getParameterCount()
				|| implType.returnType() == void.class) {
			return Optional.empty();
		}
		List<Class<?>> parameters = implType.parameterList();
		MethodType factoryType = MethodType.methodType(functionalInterface, parameters.subList(0, capturedCount));
		MethodType interfaceType = MethodType.methodType(sam.getReturnType(), sam.getParameterTypes());
		// What javac records as the instantiated type, derived from the method itself so
		// that no class the input names is loaded: the method's own types, boxed.
		MethodType instantiatedType = MethodType
			.methodType(implType.returnType(), parameters.subList(capturedCount, parameters.size()))
			.wrap();
		if (sam.getReturnType().isPrimitive()) {
			instantiatedType = instantiatedType.changeReturnType(sam.getReturnType());
		}
		try {
			return Optional.of(
					LambdaMetafactory
						.altMetafactory(CALLER, sam.getName(), factoryType, interfaceType, implementation,
								instantiatedType, LambdaMetafactory.FLAG_SERIALIZABLE)
						.getTarget());
		}
		catch (LambdaConversionException ex) {
			return Optional.empty();
		}
	}

	/** Returns a handle on the public method or constructor the form names, or null. */
	private static MethodHandle implementation(Class<?> owner, FunctionForm form) {
		if (!Modifier.isPublic(owner.getModifiers())) {
			return null;
		}
		boolean constructor = form.implKind() == MethodHandleInfo.REF_newInvokeSpecial;
		boolean isStatic = form.implKind() == MethodHandleInfo.REF_invokeStatic;
		Stream<? extends Executable> candidates = constructor ? Arrays.stream(owner.getConstructors())
				: Arrays.stream(owner.getMethods())
					.filter((method) -> method.getName().equals(form.implMethod())
							&& Modifier.isStatic(method.getModifiers()) == isStatic);
		Executable member = candidates.filter((candidate) -> descriptor(candidate).equals(form.implSignature()))
			.findFirst()
			.orElse(null);
		if (member == null || NEVER_CALLED.contains(member.getDeclaringClass().getName() + "." + member.getName())) {
			return null;
		}
		try {
			MethodHandles.Lookup lookup = MethodHandles.publicLookup();
			return (member instanceof Method method) ? lookup.unreflect(method)
					: lookup.unreflectConstructor((Constructor<?>) member);
		}
		catch (IllegalAccessException ex) {
			return null;
		}
	}

	private static String descriptor(Executable member) {
		Class<?> returnType = (member instanceof Method method) ? method.getReturnType() : void.class;
		return descriptor(returnType, member.getParameterTypes());
	}

	private static String descriptor(Class<?> returnType, Class<?>[] parameterTypes) {
		return MethodType.methodType(returnType, parameterTypes).toMethodDescriptorString();
	}

	/** Comparator redeclares equals(Object), which is not its functional method. */
	private static Method abstractMethod(Class<?> functionalInterface) {
		return Arrays.stream(functionalInterface.getMethods())
			.filter((method) -> Modifier.isAbstract(method.getModifiers()) && !method.getName().equals("equals"))
			.findFirst()
			.orElseThrow();
	}

	/** What identifies a rebuilt function, apart from its captured values. */
	private record Target(int kind, String owner, String method, String signature, String interfaceClass,
			String interfaceMethod, String interfaceSignature, int captured) {

	}

}
