package io.sharedstate.custom;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Names a method the same way in every process, for the wire and for error messages: its
 * name and erased parameter types, e.g. {@code set(int,int,int)}. The return type is left
 * out, as Java overloading does.
 */
final class MethodKeys {

	private static final ConcurrentHashMap<Method, String> KEYS = new ConcurrentHashMap<>();

	private MethodKeys() {
	}

	static String of(Method method) {
		return KEYS.computeIfAbsent(method, MethodKeys::describe);
	}

	private static String describe(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getTypeName)
			.collect(Collectors.joining(",", "(", ")"));
	}

}
