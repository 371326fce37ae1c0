package io.sharedstate.python.pickle;

import java.util.List;

/**
 * Decides what the globals a pickle names (with {@code GLOBAL} or {@code STACK_GLOBAL})
 * stand for. The reader asks when it reads the name, so a refusal comes before anything
 * is called or built.
 */
@FunctionalInterface
public interface PickleGlobals {

	/**
	 * Resolves a global.
	 * @param module the module name, e.g. {@code builtins}
	 * @param name the qualified name within the module, e.g. {@code set}
	 * @return what the name stands for on the stack: a {@link Callable} if the pickle may
	 * call it (with {@code REDUCE} or {@code NEWOBJ}), anything else if it is only data
	 * @throws RefusedGlobalException if the name is not allowed
	 */
	Object resolve(String module, String name);

	/**
	 * A global the pickle may call to build an object.
	 */
	interface Callable {

		/**
		 * Calls it, as {@code REDUCE} and {@code NEWOBJ} do.
		 * @param args the arguments
		 * @return the object built; a {@link Buildable} if {@code BUILD} may set its
		 * state
		 */
		Object call(List<Object> args);

	}

	/**
	 * An object under construction whose state {@code BUILD} sets.
	 */
	interface Buildable {

		/**
		 * Sets the state; the object is finished afterwards.
		 * @param state the state the pickle gives
		 */
		void build(Object state);

	}

}
