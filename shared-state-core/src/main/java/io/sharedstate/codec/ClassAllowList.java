package io.sharedstate.codec;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.api.SharedObject;

/**
 * Decides which classes decoding may instantiate: JDK value types and collections, this
 * library's own types, and the packages the user allows. Everything else is refused
 * before an instance exists, so a peer cannot make this process build arbitrary objects.
 * <p>
 * Classes are judged by name, so that a class a peer names is refused before it is
 * loaded; the answer for a loaded class is cached, because decoding asks for every
 * object.
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
	 * This library's classes that travel: snapshots, inspection records, the ready-made
	 * functions, custom type references, and the marker every shared object reference is
	 * written under.
	 */
	private static final List<String> OWN_PACKAGES = List.of("io.sharedstate.snapshot.", "io.sharedstate.inspect.",
			"io.sharedstate.function.");

	private static final Set<String> OWN_CLASSES = Set.of("io.sharedstate.api.SharedObject",
			"io.sharedstate.custom.CustomTypeRef");

	/**
	 * The JDK's own helper objects that functions use, such as
	 * {@code Comparator.reverseOrder()} and {@code Collections.emptyList()}.
	 */
	private static final String JDK_COLLECTIONS_HELPERS = "java.util.Collections$";

	private final List<String> allowedPackages;

	private final ClassValue<Boolean> loadedClasses = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return decide(type);
		}
	};

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
		return this.loadedClasses.get(type);
	}

	/**
	 * Returns whether a class may be decoded, judged by its name alone, as
	 * {@link Class#getName()} spells it ({@code [Lcom.example.Order;} for an array).
	 * @param className the binary name
	 * @return whether it is allowed
	 */
	public boolean isAllowed(String className) {
		String element = elementName(className);
		if (element == null) {
			return true;
		}
		if (JDK_CLASSES.contains(element) || OWN_CLASSES.contains(element)
				|| element.startsWith(JDK_COLLECTIONS_HELPERS) || startsWithAny(element, JDK_PACKAGES)
				|| startsWithAny(element, OWN_PACKAGES)) {
			return true;
		}
		return startsWithAny(element, this.allowedPackages);
	}

	/**
	 * Refuses a class that is not allowed.
	 * @param type the class about to be decoded
	 * @throws ClassNotAllowedException naming the class and the settings that would allow
	 * it
	 */
	public void check(Class<?> type) {
		if (!isAllowed(type)) {
			throw new ClassNotAllowedException(notAllowedMessage(elementName(type.getName())));
		}
	}

	/**
	 * Refuses a class name that is not allowed, before anything loads the class.
	 * @param className the binary name, as {@link Class#getName()} spells it
	 * @throws ClassNotAllowedException naming the class and the settings that would allow
	 * it
	 */
	public void check(String className) {
		if (!isAllowed(className)) {
			throw new ClassNotAllowedException(notAllowedMessage(elementName(className)));
		}
	}

	private Boolean decide(Class<?> type) {
		while (type.isArray()) {
			type = type.getComponentType();
		}
		// A shared object travels as a reference; its class is never instantiated.
		return type.isPrimitive() || SharedObject.class.isAssignableFrom(type) || isAllowed(type.getName());
	}

	private static boolean startsWithAny(String name, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the class name of an array's elements ({@code [[Lcom.example.Order;} gives
	 * {@code com.example.Order}), {@code null} for an array of primitives ({@code [[J}),
	 * and any other name unchanged.
	 */
	private static String elementName(String className) {
		int dimensions = 0;
		while (dimensions < className.length() && className.charAt(dimensions) == '[') {
			dimensions++;
		}
		if (dimensions == 0) {
			return className;
		}
		String element = className.substring(dimensions);
		if (element.length() == 1 && "ZBCSIJFD".contains(element)) {
			return null;
		}
		if (element.startsWith("L") && element.endsWith(";")) {
			return element.substring(1, element.length() - 1);
		}
		return className;
	}

	static String packageOf(String className) {
		int dot = className.lastIndexOf('.');
		return (dot > 0) ? className.substring(0, dot) : className;
	}

	static String notAllowedMessage(String className) {
		return "Refusing to decode an instance of " + className + ": its package is not allowed. Add '"
				+ packageOf(className) + "' to the allowed packages of every process that reads it "
				+ "(shared-state.allowed-packages with Spring Boot, or withAllowedPackages(...) on ServerOptions and "
				+ "ClientOptions), and put " + className + " on that process's classpath.";
	}

}
