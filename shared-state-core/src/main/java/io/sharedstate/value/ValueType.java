package io.sharedstate.value;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.sharedstate.api.SharedType;
import io.sharedstate.model.Previews;
import io.sharedstate.model.TypeDefinition;

/**
 * The value and counter types, for engines.
 */
public final class ValueType {

	private ValueType() {
	}

	/**
	 * Returns the value's definition.
	 * @return the definition
	 */
	public static TypeDefinition value() {
		return new TypeDefinition(SharedType.VALUE, ValueOperation.values(),
				(name, initial, others) -> new ValueState(initial), ValueProxy::new, new TypeDefinition.Inspection() {

					@Override
					public Map<String, Object> describe(Object state, LongFunction<String> processes) {
						Object current = ((ValueState) state).get();
						return Map.of("valueType", (current != null) ? current.getClass().getName() : "null");
					}

					@Override
					public List<String> preview(Object state, int limit) {
						return List.of(Previews.text(((ValueState) state).get()));
					}

				});
	}

	/**
	 * Returns the counter's definition.
	 * @return the definition
	 */
	public static TypeDefinition counter() {
		return new TypeDefinition(SharedType.COUNTER, CounterOperation.values(),
				(name, initial, others) -> new CounterState(), CounterProxy::new, new TypeDefinition.Inspection() {

					@Override
					public Map<String, Object> describe(Object state, LongFunction<String> processes) {
						return Map.of("value", ((CounterState) state).get());
					}

				});
	}

}
