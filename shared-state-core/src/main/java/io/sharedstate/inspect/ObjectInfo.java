package io.sharedstate.inspect;

import java.io.Serializable;
import java.util.Map;

/**
 * What a manager shows of one shared object: its name, its type, and its state as plain
 * values (sizes, flags, holders, waiting counts). Never the values users stored, except
 * in a bounded preview when one was asked for.
 *
 * @param name the object's name
 * @param type the type's label, e.g. {@code dict} or {@code lock}
 * @param state the state, in a stable order
 * @param preview up to the requested number of entries or elements, as text; empty unless
 * asked
 */
public record ObjectInfo(String name, String type, Map<String, Object> state,
		java.util.List<String> preview) implements Serializable {

}
