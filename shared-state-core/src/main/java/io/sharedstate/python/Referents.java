package io.sharedstate.python;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;

/**
 * The idents the Python listener handed out, with their reference counts, as Python's
 * manager keeps {@code id_to_obj} and {@code id_to_refcount}. An object a Python client
 * created is freed when its count drops to zero, unless a Python client stored it inside
 * another shared object (then it stays, as in Python's manager). Objects that exist under
 * their own name for Java keep their ident for good; an iterator goes with its last
 * reference. Thread-safe.
 */
final class Referents {

	private final Map<String, Referent> byIdent = new HashMap<>();

	private final Map<String, Referent> byName = new HashMap<>();

	private long lastIdent;

	/**
	 * Returns the referent of an object, giving it an ident on first sight.
	 * @param object the object
	 * @return the referent
	 */
	synchronized Referent of(SharedObject object) {
		Referent existing = this.byName.get(object.name());
		if (existing != null && existing.type() == object.type()) {
			return existing;
		}
		String typeid = PythonTypeIds.defaultTypeid(object.type());
		return add(new Referent(nextIdent(), typeid, PythonTypeIds.methodsOf(typeid), object.name(), object.type(),
				false, null));
	}

	/**
	 * Returns the referent of an object found by a typeid that Java and Python share,
	 * such as {@code shared_dict}, with the count raised as {@code create} does.
	 * @param typeid the typeid
	 * @param object the object
	 * @param detail what the typeid keeps beside it
	 * @return the referent
	 */
	synchronized Referent named(String typeid, SharedObject object, Object detail) {
		Referent existing = this.byName.get(object.name());
		Referent referent = (existing != null && existing.type() == object.type() && existing.typeid().equals(typeid))
				? existing : add(new Referent(nextIdent(), typeid, PythonTypeIds.methodsOf(typeid), object.name(),
						object.type(), false, detail));
		referent.refcount++;
		return referent;
	}

	/**
	 * Registers an object a Python client just created, with the count raised as
	 * {@code create} does.
	 * @param typeid its typeid
	 * @param type its shared type
	 * @param creator creates it under the name it is given
	 * @param isFree tells whether a name is free
	 * @param detail what the typeid keeps beside it
	 * @return the referent
	 */
	Referent created(String typeid, SharedType type, java.util.function.Consumer<String> creator,
			Predicate<String> isFree, Object detail) {
		String ident;
		String name;
		synchronized (this) {
			do {
				ident = nextIdent();
				name = "python-" + typeid + "-" + ident;
			}
			while (!isFree.test(name));
		}
		creator.accept(name);
		Referent referent = new Referent(ident, typeid, PythonTypeIds.methodsOf(typeid), name, type, true, detail);
		synchronized (this) {
			add(referent).refcount++;
		}
		return referent;
	}

	/**
	 * Registers a new iterator, with the count raised as {@code create} does.
	 * @param iterator what it walks
	 * @return the referent
	 */
	synchronized Referent iterator(java.util.Iterator<?> iterator) {
		Referent referent = add(
				new Referent(nextIdent(), PythonTypeIds.ITERATOR, PythonTypeIds.methodsOf(PythonTypeIds.ITERATOR), null,
						null, false, new IteratorMethods.Holder(iterator)));
		referent.refcount++;
		return referent;
	}

	/**
	 * Returns the referent of an ident.
	 * @param ident the ident
	 * @return the referent
	 * @throws PythonException a {@code KeyError} if no object has the ident
	 */
	synchronized Referent get(String ident) {
		Referent referent = this.byIdent.get(ident);
		if (referent == null) {
			throw PythonException.keyError(ident);
		}
		return referent;
	}

	/**
	 * Marks an object a Python client created as stored in another object, so that it is
	 * no longer freed when its count drops to zero.
	 * @param referent the referent
	 */
	synchronized void pin(Referent referent) {
		referent.pinned = true;
	}

	synchronized void incref(String ident) {
		get(ident).refcount++;
	}

	/**
	 * Drops one reference.
	 * @param ident the ident
	 * @return the referent if it is now free and its object must be destroyed, else
	 * {@code null}
	 * @throws PythonException if the ident is unknown or its count already zero
	 */
	synchronized Referent decref(String ident) {
		Referent referent = get(ident);
		if (referent.refcount <= 0) {
			if (referent.pinned) {
				return null;
			}
			throw PythonException.builtin("AssertionError",
					"Id " + ident + " (" + referent.name() + ") has refcount 0, not 1+");
		}
		referent.refcount--;
		if (referent.refcount > 0 || referent.pinned || (referent.type() != null && !referent.pythonCreated())) {
			return null;
		}
		this.byIdent.remove(ident);
		if (referent.name() != null) {
			this.byName.remove(referent.name());
		}
		referent.markFreed();
		return referent;
	}

	/**
	 * Returns how many objects Python holds references to, as {@code number_of_objects}.
	 * @return the count
	 */
	synchronized int referenced() {
		return (int) this.byIdent.values().stream().filter((referent) -> referent.refcount > 0).count();
	}

	/**
	 * Returns the referents with references, ordered by ident, with their counts.
	 * @return the referents and counts
	 */
	synchronized List<Map.Entry<Referent, Integer>> counted() {
		List<Map.Entry<Referent, Integer>> counted = new ArrayList<>();
		for (Referent referent : this.byIdent.values()) {
			if (referent.refcount > 0) {
				counted.add(Map.entry(referent, referent.refcount));
			}
		}
		counted.sort(Comparator.comparing((Map.Entry<Referent, Integer> entry) -> entry.getKey().ident().length())
			.thenComparing((entry) -> entry.getKey().ident()));
		return counted;
	}

	private Referent add(Referent referent) {
		this.byIdent.put(referent.ident(), referent);
		if (referent.name() != null) {
			this.byName.put(referent.name(), referent);
		}
		return referent;
	}

	private String nextIdent() {
		return Long.toHexString(++this.lastIdent);
	}

}
