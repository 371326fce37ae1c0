package io.sharedstate.host;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.BlockingState;
import io.sharedstate.model.TypeDefinition;

/**
 * One object of a host: its state, the monitor its transitions run under, and the id wire
 * protocols address it by.
 */
public final class HostedObject {

	private final int id;

	private final String name;

	private final TypeDefinition definition;

	private final Object state;

	private final Object monitor;

	private final String typeLabel;

	private final Object initial;

	private volatile boolean destroyed;

	HostedObject(int id, String name, TypeDefinition definition, Object initial, Object state, Object monitor,
			String typeLabel) {
		this.initial = initial;
		this.id = id;
		this.name = name;
		this.definition = definition;
		this.state = state;
		this.monitor = monitor;
		this.typeLabel = typeLabel;
	}

	/**
	 * Returns the id wire protocols use instead of the name; unique per host run.
	 * @return the id
	 */
	public int id() {
		return this.id;
	}

	/**
	 * Returns the object's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the object's type.
	 * @return the type
	 */
	public SharedType type() {
		return this.definition.type();
	}

	/**
	 * Returns the type's definition.
	 * @return the definition
	 */
	public TypeDefinition definition() {
		return this.definition;
	}

	/**
	 * Returns the value the object was created with (the type of a custom object...).
	 * @return the value, or {@code null}
	 */
	public Object initial() {
		return this.initial;
	}

	/**
	 * Returns the state.
	 * @return the state
	 */
	public Object state() {
		return this.state;
	}

	/**
	 * Returns the monitor transitions run under, or {@code null} for a concurrent state.
	 */
	Object monitorOrNull() {
		return this.monitor;
	}

	boolean isBlocking() {
		return this.state instanceof BlockingState;
	}

	/**
	 * Describes the object's type for messages: its type, or its type id for a custom
	 * object.
	 * @return the description
	 */
	public String typeLabel() {
		return this.typeLabel;
	}

	/**
	 * Returns whether the object was destroyed.
	 * @return whether it was
	 */
	public boolean isDestroyed() {
		return this.destroyed;
	}

	void destroyed() {
		this.destroyed = true;
	}

	@Override
	public String toString() {
		return this.typeLabel + " '" + this.name + "'";
	}

}
