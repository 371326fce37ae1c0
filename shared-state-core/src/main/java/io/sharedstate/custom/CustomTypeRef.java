package io.sharedstate.custom;

import java.util.Objects;

import io.sharedstate.api.MissingClassException;
import io.sharedstate.model.Labelled;

/**
 * Which registered type a custom object is, as it travels: the type id and the name of
 * the interface the caller uses. The manager checks both against its registration before
 * it creates or finds the object.
 *
 * @param typeId the type id
 * @param interfaceName the interface's binary name
 */
public record CustomTypeRef(String typeId, String interfaceName) implements Labelled, java.io.Serializable {

	public CustomTypeRef {
		if (typeId == null || typeId.isEmpty()) {
			throw new IllegalArgumentException("A custom type needs a non-empty type id");
		}
		Objects.requireNonNull(interfaceName, "interfaceName");
	}

	/**
	 * Creates the reference of a type id used through an interface.
	 * @param typeId the type id
	 * @param sharedInterface the interface
	 * @return the reference
	 * @throws IllegalArgumentException if the type id is empty or the class is not an
	 * interface
	 */
	public static CustomTypeRef of(String typeId, Class<?> sharedInterface) {
		Objects.requireNonNull(sharedInterface, "sharedInterface");
		if (!sharedInterface.isInterface()) {
			throw new IllegalArgumentException("Custom shared objects are used through an interface, which their "
					+ "proxies implement; " + sharedInterface.getName() + " is a class. Register and use an interface "
					+ "it implements.");
		}
		return new CustomTypeRef(typeId, sharedInterface.getName());
	}

	/**
	 * Loads the interface in this process, without initialising it.
	 * @return the interface
	 * @throws MissingClassException if this process does not have it
	 * @throws IllegalArgumentException if the class is not an interface
	 */
	@Override
	public String label() {
		return label(this.typeId);
	}

	/**
	 * Returns how messages name objects of a custom type.
	 * @param typeId the type id
	 * @return the label, such as {@code 'matrix' object}
	 */
	public static String label(String typeId) {
		return "'" + typeId + "' object";
	}

	Class<?> loadInterface() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		if (loader == null) {
			loader = CustomTypeRef.class.getClassLoader();
		}
		Class<?> loaded;
		try {
			loaded = Class.forName(this.interfaceName, false, loader);
		}
		catch (ClassNotFoundException ex) {
			throw new MissingClassException("Interface " + this.interfaceName + " of custom type '" + this.typeId
					+ "' is not on the classpath of this process; put it on the classpath of every process that uses "
					+ "the type.", ex);
		}
		if (!loaded.isInterface()) {
			throw new IllegalArgumentException(
					"Custom type '" + this.typeId + "' names " + this.interfaceName + ", which is not an interface");
		}
		return loaded;
	}

}
