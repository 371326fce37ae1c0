package io.sharedstate.namespace;

import java.util.Map;

import io.sharedstate.api.SharedObject;
import io.sharedstate.function.SerializableBiFunction;

/**
 * A bag of named attributes shared between processes, like Python's
 * {@code Manager().Namespace()}. Attribute values may not be {@code null};
 * {@link #delete(String)} removes an attribute. Each call is atomic; use {@link #compute}
 * for a read-modify-write that must not race.
 */
public interface SharedNamespace extends SharedObject {

	/**
	 * Returns an attribute's value.
	 * @param <T> the expected type
	 * @param attribute the attribute name
	 * @return the value, or {@code null} if the attribute is not set
	 */
	<T> T get(String attribute);

	/**
	 * Sets an attribute.
	 * @param attribute the attribute name
	 * @param value the value, not {@code null}
	 */
	void set(String attribute, Object value);

	/**
	 * Removes an attribute.
	 * @param attribute the attribute name
	 * @return whether the attribute was set
	 */
	boolean delete(String attribute);

	/**
	 * Returns whether an attribute is set.
	 * @param attribute the attribute name
	 * @return whether it is set
	 */
	boolean has(String attribute);

	/**
	 * Atomically computes an attribute's new value on the server.
	 * @param <T> the attribute's type
	 * @param attribute the attribute name
	 * @param function computes the new value from the name and the current value
	 * ({@code null} if unset); returning {@code null} deletes the attribute
	 * @return the new value, or {@code null}
	 */
	<T> T compute(String attribute, SerializableBiFunction<String, T, T> function);

	/**
	 * Returns all attributes, taken atomically in one call.
	 * @return an unmodifiable snapshot of names to values
	 */
	Map<String, Object> attributes();

}
