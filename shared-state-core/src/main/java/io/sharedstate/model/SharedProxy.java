package io.sharedstate.model;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

/**
 * What every proxy shares: its handle, its name and type, and that it travels as a
 * reference to its object.
 */
public abstract class SharedProxy implements SharedObject, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient ObjectHandle handle;

	/**
	 * Creates a proxy.
	 * @param handle what its calls go through
	 */
	protected SharedProxy(ObjectHandle handle) {
		this.handle = handle;
	}

	/**
	 * Returns what the proxy's calls go through.
	 * @return the handle
	 */
	protected final ObjectHandle handle() {
		return this.handle;
	}

	/**
	 * Runs an operation that does not wait.
	 * @param <T> the result type
	 * @param operation the operation
	 * @param args its arguments
	 * @return the result
	 */
	@SuppressWarnings("unchecked")
	protected final <T> T call(Operation operation, Object... args) {
		return (T) this.handle.call(operation, args);
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return this.handle.type();
	}

	@Override
	public String toString() {
		return type() + " '" + name() + "'";
	}

	/**
	 * Replaces the proxy, when it is serialized, by a reference that reconnects.
	 * @return the reference
	 * @throws ObjectStreamException if the object cannot travel
	 */
	@Serial
	protected final Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
