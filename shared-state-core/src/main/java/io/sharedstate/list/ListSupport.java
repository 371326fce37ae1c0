package io.sharedstate.list;

import java.util.Collection;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;
import io.sharedstate.inspect.Previews;

/**
 * List support for the engines: the local list, its remote proxy, and the server side of
 * each remote operation.
 */
public final class ListSupport implements SharedTypeSupport<SharedList<Object>> {

	@Override
	public Operation[] operations() {
		return ListOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.LIST;
	}

	@Override
	public SharedList<Object> createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalList<>(engine, name);
	}

	@Override
	public SharedList<Object> createRemote(RemoteHandle handle) {
		return new RemoteList<>(handle);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedList<Object> list, LocalEngine engine) {
		return java.util.Map.of("size", list.size());
	}

	@Override
	public java.util.List<String> preview(SharedList<Object> list, int limit) {
		return Previews.elements(list.snapshot(), limit);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object invoke(SharedList<Object> list, int op, Input args, ValueCodec codec, long session) {
		return switch (Operation.ofCode(ListOperation.ALL, op)) {
			case SIZE -> list.size();
			case GET -> list.get((Integer) codec.read(args));
			case SET -> list.set((Integer) codec.read(args), codec.read(args));
			case ADD -> list.add(codec.read(args));
			case ADD_AT -> {
				list.add((Integer) codec.read(args), codec.read(args));
				yield null;
			}
			case REMOVE_AT -> list.remove((int) (Integer) codec.read(args));
			case REMOVE -> list.remove(codec.read(args));
			case CONTAINS -> list.contains(codec.read(args));
			case INDEX_OF -> list.indexOf(codec.read(args));
			case LAST_INDEX_OF -> list.lastIndexOf(codec.read(args));
			case CLEAR -> {
				list.clear();
				yield null;
			}
			case ADD_ALL -> list.addAll((Collection<Object>) codec.read(args));
			case ADD_ALL_AT -> list.addAll((Integer) codec.read(args), (Collection<Object>) codec.read(args));
			case REMOVE_ALL -> list.removeAll((Collection<Object>) codec.read(args));
			case RETAIN_ALL -> list.retainAll((Collection<Object>) codec.read(args));
			case REMOVE_IF -> list.removeIf((Predicate<Object>) codec.read(args));
			case REPLACE_ALL -> {
				list.replaceAll((UnaryOperator<Object>) codec.read(args));
				yield null;
			}
			case SORT -> {
				list.sort((Comparator<Object>) codec.read(args));
				yield null;
			}
			case SNAPSHOT -> list.snapshot();
			case REMOVE_RANGE -> {
				int from = (Integer) codec.read(args);
				int to = (Integer) codec.read(args);
				list.subList(from, to).clear();
				yield null;
			}
			case CONTAINS_ALL -> list.containsAll((Collection<Object>) codec.read(args));
		};
	}

}
