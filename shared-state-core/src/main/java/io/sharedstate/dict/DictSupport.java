package io.sharedstate.dict;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;
import io.sharedstate.snapshot.Snapshots;
import io.sharedstate.inspect.Previews;

/**
 * Dict support for the engines: the local dict, its remote proxy, and the server side of
 * each remote operation.
 */
public final class DictSupport implements SharedTypeSupport<SharedDict<Object, Object>> {

	@Override
	public Operation[] operations() {
		return DictOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.DICT;
	}

	@Override
	public SharedDict<Object, Object> createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalDict<>(engine, name);
	}

	@Override
	public SharedDict<Object, Object> createRemote(RemoteHandle handle) {
		return new RemoteDict<>(handle);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedDict<Object, Object> dict, LocalEngine engine) {
		return java.util.Map.of("size", dict.size());
	}

	@Override
	public java.util.List<String> preview(SharedDict<Object, Object> dict, int limit) {
		return Previews.entries(dict, limit);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(SharedDict<Object, Object> dict, int op, Input args, ValueCodec codec, long session) {
		return switch (Operation.ofCode(DictOperation.ALL, op)) {
			case GET -> dict.get(codec.read(args));
			case PUT -> dict.put(codec.read(args), codec.read(args));
			case REMOVE -> dict.remove(codec.read(args));
			case CONTAINS_KEY -> dict.containsKey(codec.read(args));
			case CONTAINS_VALUE -> dict.containsValue(codec.read(args));
			case SIZE -> dict.size();
			case CLEAR -> {
				dict.clear();
				yield null;
			}
			case PUT_ALL -> {
				dict.putAll((Map<Object, Object>) codec.read(args));
				yield null;
			}
			case PUT_IF_ABSENT -> dict.putIfAbsent(codec.read(args), codec.read(args));
			case REMOVE_ENTRY -> dict.remove(codec.read(args), codec.read(args));
			case REPLACE -> dict.replace(codec.read(args), codec.read(args));
			case REPLACE_ENTRY -> dict.replace(codec.read(args), codec.read(args), codec.read(args));
			case COMPUTE -> dict.compute(codec.read(args), (BiFunction<Object, Object, Object>) codec.read(args));
			case COMPUTE_IF_ABSENT ->
				dict.computeIfAbsent(codec.read(args), (Function<Object, Object>) codec.read(args));
			case COMPUTE_IF_PRESENT ->
				dict.computeIfPresent(codec.read(args), (BiFunction<Object, Object, Object>) codec.read(args));
			case MERGE ->
				dict.merge(codec.read(args), codec.read(args), (BiFunction<Object, Object, Object>) codec.read(args));
			case REPLACE_ALL -> {
				dict.replaceAll((BiFunction<Object, Object, Object>) codec.read(args));
				yield null;
			}
			case SNAPSHOT -> dict.snapshot();
			case KEYS -> Snapshots.list(dict.keySet());
		};
	}

}
