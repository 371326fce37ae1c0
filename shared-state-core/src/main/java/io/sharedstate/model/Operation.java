package io.sharedstate.model;

/**
 * One operation of a shared type, with the transition that runs it. Each type declares
 * its operations as an enum, which is the type's dispatch table: a proxy names the
 * constant, a host runs {@link #apply} on the object's state, and a wire protocol derives
 * the operation's code from {@link #ordinal()} (so constants are only ever appended).
 */
public interface Operation {

	/**
	 * Returns the constant's position in its enum.
	 * @return the ordinal
	 */
	int ordinal();

	/**
	 * Returns the operation's name, for messages and metrics.
	 * @return the name
	 */
	String name();

	/**
	 * Returns how the operation runs.
	 * @return its kind, arity and transition
	 */
	OperationSpec<?> spec();

	/**
	 * Returns what the operation does to its object.
	 * @return the kind
	 */
	default OperationKind kind() {
		return spec().kind();
	}

	/**
	 * Returns how many arguments the operation takes.
	 * @return the count
	 */
	default int arity() {
		return spec().arity();
	}

	/**
	 * Returns whether the operation runs code the user wrote beyond a short function (a
	 * custom object's method), which may take long or wait: a front-end runs it on a
	 * thread of its own rather than one that serves other callers.
	 * @return whether it does
	 */
	default boolean runsUserCode() {
		return false;
	}

	/**
	 * Runs the operation on a state. Called by the host with the object's monitor held,
	 * unless the type's state is concurrent.
	 * @param state the object's state
	 * @param args the arguments, {@link #arity()} of them
	 * @param transition the host's side of this transition: who calls, parking and waking
	 * @return the result, or {@link Transition#PARKED} if the call was parked
	 */
	default Object apply(Object state, Object[] args, Transition transition) {
		return spec().apply(state, args, transition);
	}

}
