package io.sharedstate.namespace;

import java.util.Map;
import java.util.Objects;

import io.sharedstate.function.SerializableBiFunction;
import io.sharedstate.model.Functions;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.SharedProxy;
import io.sharedstate.model.Previews;

/**
 * A namespace's proxy, on every engine.
 */
final class NamespaceProxy extends SharedProxy implements SharedNamespace {

	NamespaceProxy(ObjectHandle handle) {
		super(handle);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(String attribute) {
		return (T) handle().call(NamespaceOperation.GET, Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	public void set(String attribute, Object value) {
		Objects.requireNonNull(value, () -> "Attribute '" + attribute + "' cannot be set to null; use delete");
		handle().call(NamespaceOperation.SET, Objects.requireNonNull(attribute, "attribute"), value);
	}

	@Override
	public boolean delete(String attribute) {
		return (Boolean) handle().call(NamespaceOperation.DELETE, Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	public boolean has(String attribute) {
		return (Boolean) handle().call(NamespaceOperation.HAS, Objects.requireNonNull(attribute, "attribute"));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T compute(String attribute, SerializableBiFunction<String, T, T> function) {
		return (T) handle().call(NamespaceOperation.COMPUTE, Objects.requireNonNull(attribute, "attribute"),
				Functions.requireRunnableOnHost(handle(), function, "compute"));
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> attributes() {
		return (Map<String, Object>) handle().call(NamespaceOperation.ATTRIBUTES);
	}

	@Override
	public String toString() {
		return "Namespace" + Previews.show(attributes());
	}

}
