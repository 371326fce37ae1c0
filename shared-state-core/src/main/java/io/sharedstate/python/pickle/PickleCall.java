package io.sharedstate.python.pickle;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link PickleWriter} writes as a call of a Python global: Python builds the
 * object by calling {@code module.name(*args)} (or, for a {@code newObject}, by
 * {@code cls.__new__(cls, *args)}) and then, if a state is given, sets it as
 * {@code BUILD} does ({@code __setstate__}, or updating {@code __dict__}).
 *
 * @param module the module, e.g. {@code builtins}
 * @param name the name in the module, e.g. {@code KeyError}
 * @param args the arguments, written as values
 * @param state the state, or {@code null} for none
 * @param newObject whether to create the object without calling its constructor
 */
public record PickleCall(String module, String name, List<?> args, Object state, boolean newObject) {

	/**
	 * Creates a call without state.
	 * @param module the module
	 * @param name the name
	 * @param args the arguments, {@code null} for {@code None}
	 * @return the call
	 */
	public static PickleCall of(String module, String name, Object... args) {
		return new PickleCall(module, name, Arrays.asList(args), null, false);
	}

}
