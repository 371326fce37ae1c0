package io.sharedstate.dict;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.sharedstate.model.ConcurrentState;
import io.sharedstate.snapshot.Snapshots;

/**
 * The state of a dict: a {@link ConcurrentHashMap} whose stored keys and values are
 * snapshots (see {@link Snapshots}), so that nothing a caller keeps can change it behind
 * its back. Concurrent by itself: transitions need no monitor.
 */
final class DictState implements ConcurrentState {

	private final ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();

	DictState(Object initial) {
		if (initial instanceof Map<?, ?> entries) {
			putAll(entries);
		}
	}

	private static Object stored(Object value) {
		return Snapshots.of(value);
	}

	Object get(Object key) {
		return this.map.get(key);
	}

	Object put(Object key, Object value) {
		return this.map.put(stored(key), stored(value));
	}

	Object remove(Object key) {
		return this.map.remove(key);
	}

	boolean containsKey(Object key) {
		return this.map.containsKey(key);
	}

	boolean containsValue(Object value) {
		return this.map.containsValue(value);
	}

	int size() {
		return this.map.size();
	}

	Object clear() {
		this.map.clear();
		return null;
	}

	Object putAll(Map<?, ?> entries) {
		entries.forEach(this::put);
		return null;
	}

	Object putIfAbsent(Object key, Object value) {
		return this.map.putIfAbsent(stored(key), stored(value));
	}

	boolean remove(Object key, Object value) {
		return this.map.remove(key, value);
	}

	Object replace(Object key, Object value) {
		return this.map.replace(key, stored(value));
	}

	boolean replace(Object key, Object expected, Object value) {
		return this.map.replace(key, expected, stored(value));
	}

	@SuppressWarnings("unchecked")
	Object compute(Object key, Object function) {
		BiFunction<Object, Object, Object> remapping = (BiFunction<Object, Object, Object>) function;
		return this.map.compute(stored(key), (k, old) -> stored(remapping.apply(k, old)));
	}

	@SuppressWarnings("unchecked")
	Object computeIfAbsent(Object key, Object function) {
		Function<Object, Object> mapping = (Function<Object, Object>) function;
		return this.map.computeIfAbsent(stored(key), (k) -> stored(mapping.apply(k)));
	}

	@SuppressWarnings("unchecked")
	Object computeIfPresent(Object key, Object function) {
		BiFunction<Object, Object, Object> remapping = (BiFunction<Object, Object, Object>) function;
		return this.map.computeIfPresent(key, (k, old) -> stored(remapping.apply(k, old)));
	}

	@SuppressWarnings("unchecked")
	Object merge(Object key, Object value, Object function) {
		BiFunction<Object, Object, Object> remapping = (BiFunction<Object, Object, Object>) function;
		return this.map.merge(stored(key), stored(value), (old, given) -> stored(remapping.apply(old, given)));
	}

	@SuppressWarnings("unchecked")
	Object replaceAll(Object function) {
		BiFunction<Object, Object, Object> remapping = (BiFunction<Object, Object, Object>) function;
		this.map.replaceAll((k, v) -> stored(remapping.apply(k, v)));
		return null;
	}

	Map<Object, Object> snapshot() {
		return Snapshots.map(this.map);
	}

	List<Object> keys() {
		return Snapshots.list(this.map.keySet());
	}

	Map<Object, Object> entries() {
		return this.map;
	}

}
