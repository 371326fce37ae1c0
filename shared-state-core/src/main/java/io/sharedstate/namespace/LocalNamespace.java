package io.sharedstate.namespace;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.sharedstate.api.SharedType;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.snapshot.Snapshots;

/**
 * The authoritative namespace: attributes in a {@link ConcurrentHashMap}, values stored
 * as snapshots.
 */
final class LocalNamespace implements SharedNamespace, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient LocalEngine engine;

	private final String name;

	private final transient ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();

	LocalNamespace(LocalEngine engine, String name) {
		this.engine = engine;
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return SharedType.NAMESPACE;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(String attribute) {
		return (T) this.attributes.get(Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	public void set(String attribute, Object value) {
		Objects.requireNonNull(value, () -> "Attribute '" + attribute + "' cannot be set to null; use delete");
		this.attributes.put(Objects.requireNonNull(attribute, "attribute"), Snapshots.of(value));
	}

	@Override
	public boolean delete(String attribute) {
		return this.attributes.remove(Objects.requireNonNull(attribute, "attribute")) != null;
	}

	@Override
	public boolean has(String attribute) {
		return this.attributes.containsKey(Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T compute(String attribute, SerializableBiFunction<String, T, T> function) {
		return (T) this.attributes.compute(Objects.requireNonNull(attribute, "attribute"),
				(key, old) -> Snapshots.of(function.apply(key, (T) old)));
	}

	@Override
	public Map<String, Object> attributes() {
		return Snapshots.map(this.attributes);
	}

	@Override
	public String toString() {
		return "Namespace" + this.attributes;
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(SharedType.NAMESPACE, this.name);
	}

}
