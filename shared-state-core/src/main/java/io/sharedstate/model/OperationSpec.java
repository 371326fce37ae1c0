package io.sharedstate.model;

/**
 * How an operation runs: its kind, its arity and its transition. A type's operation enum
 * holds one per constant.
 *
 * @param <S> the state type
 * @param kind what it does to its object
 * @param arity how many arguments it takes
 * @param stateType the state class, for the cast
 * @param handler the transition
 */
public record OperationSpec<S>(OperationKind kind, int arity, Class<S> stateType, Handler<S> handler) {

	/**
	 * Runs the transition.
	 * @param state the object's state
	 * @param args the arguments
	 * @param transition the host's side of the transition
	 * @return the result, or {@link Transition#PARKED}
	 */
	public Object apply(Object state, Object[] args, Transition transition) {
		return this.handler.apply(this.stateType.cast(state), args, transition);
	}

	/**
	 * One operation's transition.
	 *
	 * @param <S> the state type
	 */
	@FunctionalInterface
	public interface Handler<S> {

		/**
		 * Runs it.
		 * @param state the object's state
		 * @param args the arguments
		 * @param transition the host's side of the transition
		 * @return the result, or {@link Transition#PARKED}
		 */
		Object apply(S state, Object[] args, Transition transition);

	}

}
