package io.sharedstate.codec;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.api.SharedObject;
import io.sharedstate.custom.CustomTypeRef;

/**
 * Decides which classes decoding may instantiate: JDK value types and collections, this
 * library's own types, and the packages the user allows. Everything else is refused
 * before an instance exists, so a peer cannot make this process build arbitrary objects.
 */
public final class ClassAllowList {

	/** Packages whose every class is a value type safe to instantiate. */
	private static final List<String> JDK_PACKAGES = List.of("java.time.", "java.math.");

	/** Single JDK classes that are safe to instantiate. */
	private static final Set<String> JDK_CLASSES = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
			"java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
			"java.lang.Character", "java.lang.Object", "java.util.ArrayList", "java.util.LinkedList",
			"java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
			"java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.UUID", "java.util.Date",
			"java.util.Locale", "java.util.Currency", "java.util.BitSet", "java.util.Optional", "java.util.OptionalInt",
			"java.util.OptionalLong", "java.util.OptionalDouble", "java.util.RegularEnumSet", "java.util.JumboEnumSet",
			"java.util.EnumMap", "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.CopyOnWriteArrayList",
			"java.util.concurrent.ConcurrentSkipListMap");

	/**
	 * The JDK's own helper objects that functions use, such as
	 * {@code Comparator.reverseOrder()} and {@code Collections.emptyList()}.
	 */
	private static final String JDK_COLLECTIONS_HELPERS = "java.util.Collections$";

	private final List<String> allowedPackages;

	private ClassAllowList(List<String> allowedPackages) {
		this.allowedPackages = allowedPackages;
	}

	/**
	 * Creates an allow-list of the JDK's value types plus the given packages.
	 * @param packages package names whose classes (and subpackages' classes) may be
	 * decoded, e.g. {@code com.example.orders}
	 * @return the allow-list
	 */
	public static ClassAllowList of(Collection<String> packages) {
		return new ClassAllowList(packages.stream().map((name) -> name.endsWith(".") ? name : name + ".").toList());
	}

	/**
	 * Returns the packages allowed on top of the JDK's value types.
	 * @return the package names
	 */
	public List<String> allowedPackages() {
		return this.allowedPackages.stream().map((name) -> name.substring(0, name.length() - 1)).toList();
	}

	/**
	 * Returns whether a class may be decoded.
	 * @param type the class
	 * @return whether it is allowed
	 */
	public boolean isAllowed(Class<?> type) {
		while (type.isArray()) {
			type = type.getComponentType();
		}
		if (type.isPrimitive()) {
			return true;
		}
		String name = type.getName();
		if (JDK_CLASSES.contains(name) || name.startsWith("io.sharedstate.snapshot.")
				|| name.startsWith("io.sharedstate.inspect.") || SharedObject.class.isAssignableFrom(type)
				|| type == CustomTypeRef.class) {
			return true;
		}
		for (String prefix : JDK_PACKAGES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		if (name.startsWith(JDK_COLLECTIONS_HELPERS)) {
			return true;
		}
		for (String prefix : this.allowedPackages) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Refuses a class that is not allowed.
	 * @param type the class about to be decoded
	 * @throws ClassNotAllowedException naming the class and the setting that would allow
	 * it
	 */
	public void check(Class<?> type) {
		if (!isAllowed(type)) {
			throw new ClassNotAllowedException(notAllowedMessage(type.getName()));
		}
	}

	static String notAllowedMessage(String className) {
		int dot = className.lastIndexOf('.');
		String pkg = (dot > 0) ? className.substring(0, dot) : className;
		return "Refusing to decode an instance of " + className + ": its package is not allowed. Add '" + pkg
				+ "' to the allowed packages (withAllowedPackages(...) on ServerOptions and ClientOptions) of every "
				+ "process that reads it.";
	}

}
