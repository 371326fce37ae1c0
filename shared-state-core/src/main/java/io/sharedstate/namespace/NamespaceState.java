package io.sharedstate.namespace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.sharedstate.model.ConcurrentState;
import io.sharedstate.snapshot.Snapshots;

/**
 * The state of a namespace: attributes by name, stored as snapshots.
 */
final class NamespaceState implements ConcurrentState {

	private final ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();

	Object get(String attribute) {
		return this.attributes.get(attribute);
	}

	Object set(String attribute, Object value) {
		this.attributes.put(attribute, Snapshots.of(value));
		return null;
	}

	boolean delete(String attribute) {
		return this.attributes.remove(attribute) != null;
	}

	boolean has(String attribute) {
		return this.attributes.containsKey(attribute);
	}

	@SuppressWarnings("unchecked")
	Object compute(String attribute, Object function) {
		BiFunction<String, Object, Object> computing = (BiFunction<String, Object, Object>) function;
		return this.attributes.compute(attribute, (key, old) -> Snapshots.of(computing.apply(key, old)));
	}

	Map<String, Object> attributes() {
		return Snapshots.map(this.attributes);
	}

	Map<String, Object> live() {
		return this.attributes;
	}

}
