package io.sharedstate.namespace;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

import io.sharedstate.api.SharedType;
import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.model.Functions;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.Previews;

/**
 * A namespace's proxy, on every engine.
 */
final class NamespaceProxy implements SharedNamespace, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient ObjectHandle handle;

	NamespaceProxy(ObjectHandle handle) {
		this.handle = handle;
	}

	@Override
	public String name() {
		return this.handle.name();
	}

	@Override
	public SharedType type() {
		return SharedType.NAMESPACE;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(String attribute) {
		return (T) this.handle.call(NamespaceOperation.GET, Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	public void set(String attribute, Object value) {
		Objects.requireNonNull(value, () -> "Attribute '" + attribute + "' cannot be set to null; use delete");
		this.handle.call(NamespaceOperation.SET, Objects.requireNonNull(attribute, "attribute"), value);
	}

	@Override
	public boolean delete(String attribute) {
		return (Boolean) this.handle.call(NamespaceOperation.DELETE, Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	public boolean has(String attribute) {
		return (Boolean) this.handle.call(NamespaceOperation.HAS, Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T compute(String attribute, SerializableBiFunction<String, T, T> function) {
		return (T) this.handle.call(NamespaceOperation.COMPUTE, Objects.requireNonNull(attribute, "attribute"),
				Functions.requireRunnableOnHost(this.handle, function, "compute"));
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> attributes() {
		return (Map<String, Object>) this.handle.call(NamespaceOperation.ATTRIBUTES);
	}

	@Override
	public String toString() {
		return "Namespace" + Previews.show(attributes());
	}

	@Serial
	private Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
