package io.sharedstate.python;

import io.sharedstate.api.SharedType;

/**
 * A shared object as Python's protocol knows it: the ident in its tokens, its typeid, the
 * methods it exposes, and its reference count. Either a shared object of the engine (with
 * its name and type) or an iterator that lives only here.
 */
final class Referent {

	private final String ident;

	private final String typeid;

	private final PythonMethods methods;

	private final String name;

	private final SharedType type;

	private final boolean pythonCreated;

	private final Object detail;

	/** Guarded by the {@link Referents}. */
	int refcount;

	/** Guarded by the {@link Referents}. */
	boolean pinned;

	private volatile boolean freed;

	Referent(String ident, String typeid, PythonMethods methods, String name, SharedType type, boolean pythonCreated,
			Object detail) {
		this.ident = ident;
		this.typeid = typeid;
		this.methods = methods;
		this.name = name;
		this.type = type;
		this.pythonCreated = pythonCreated;
		this.detail = detail;
	}

	String ident() {
		return this.ident;
	}

	String typeid() {
		return this.typeid;
	}

	PythonMethods methods() {
		return this.methods;
	}

	/**
	 * Returns the shared object's name.
	 * @return the name, or {@code null} for an iterator
	 */
	String name() {
		return this.name;
	}

	/**
	 * Returns the shared object's type.
	 * @return the type, or {@code null} for an iterator
	 */
	SharedType type() {
		return this.type;
	}

	/**
	 * Returns whether a Python client created the object with {@code create}: it is freed
	 * when its last reference goes, unless it was stored in another object.
	 * @return whether Python created it
	 */
	boolean pythonCreated() {
		return this.pythonCreated;
	}

	/**
	 * Returns what the typeid keeps beside the object: a {@code Value}'s or
	 * {@code Array}'s typecode, a {@code Barrier}'s default timeout, an iterator.
	 * @param <T> its type
	 * @return the detail, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	<T> T detail() {
		return (T) this.detail;
	}

	boolean isFreed() {
		return this.freed;
	}

	void markFreed() {
		this.freed = true;
	}

}
