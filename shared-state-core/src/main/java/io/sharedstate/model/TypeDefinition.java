package io.sharedstate.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

/**
 * Everything an engine needs to host and proxy one shared type: its operations, how to
 * make a new object's state, how to make a proxy over a handle, and what inspection
 * shows. Engines learn the types from a {@link TypeCatalog}; no engine names a type.
 *
 * @param type the type
 * @param operations its operations, indexed by ordinal
 * @param newState makes the state of a new object from the value it was opened with
 * @param proxy makes a proxy that calls through a handle
 * @param inspection describes a state for inspection
 */
public record TypeDefinition(SharedType type, Operation[] operations, StateFactory newState,
		Function<ObjectHandle, ? extends SharedObject> proxy, Inspection inspection) {

	/**
	 * Returns the operation with an ordinal.
	 * @param ordinal the ordinal
	 * @return the operation
	 * @throws UnsupportedOperationException if the type has no such operation
	 */
	public Operation operation(int ordinal) {
		if (ordinal < 0 || ordinal >= this.operations.length) {
			throw new UnsupportedOperationException("A " + this.type + " has no operation number " + ordinal
					+ "; the client is probably newer than this manager");
		}
		return this.operations[ordinal];
	}

	/**
	 * Makes the state of a new object.
	 */
	@FunctionalInterface
	public interface StateFactory {

		/**
		 * Makes it.
		 * @param name the object's name
		 * @param initial the value it was opened with, or {@code null}
		 * @param others finds the state of another object of the same host, for a state
		 * that is part of another's (a condition is part of its lock)
		 * @return the state
		 */
		Object create(String name, Object initial, Function<SharedObject, Object> others);

	}

	/**
	 * What inspection shows of a state: sizes, flags, holders and waiting counts, never
	 * stored values unless a preview is asked for.
	 */
	public interface Inspection {

		/** Shows nothing. */
		Inspection NONE = new Inspection() {
		};

		/**
		 * Describes the state, in a stable order.
		 * @param state the state
		 * @param processes names the process of a session
		 * @return the description
		 */
		default Map<String, Object> describe(Object state, LongFunction<String> processes) {
			return Map.of();
		}

		/**
		 * Shows the first entries or elements as text.
		 * @param state the state
		 * @param limit how many at most
		 * @return the preview
		 */
		default List<String> preview(Object state, int limit) {
			return List.of();
		}

	}

}
