package io.sharedstate.barrier;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.Owner;
import io.sharedstate.engine.SharedTypeSupport;

/**
 * Barrier support for the engines. A new barrier's parties come with the request that
 * creates it; its action stays in the process that gave it.
 */
public final class BarrierSupport implements SharedTypeSupport<SharedBarrier> {

	@Override
	public Operation[] operations() {
		return BarrierOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.BARRIER;
	}

	@Override
	public SharedBarrier createLocal(LocalEngine engine, String name, Object initial) {
		return new LocalBarrier(engine, name, new BarrierState((Integer) initial, engine.timer()), null);
	}

	@Override
	public SharedBarrier createRemote(RemoteHandle handle) {
		return new RemoteBarrier(handle, null);
	}

	/**
	 * Returns the barrier as obtained with a number of parties and an action: a view that
	 * runs the action when its thread arrives last.
	 * @param barrier the barrier found or created
	 * @param parties the parties asked for
	 * @param action the action, or {@code null}
	 * @return the barrier to hand out
	 * @throws IllegalArgumentException if the barrier exists with another number of
	 * parties
	 */
	public static SharedBarrier withPartiesAndAction(SharedBarrier barrier, int parties, Runnable action) {
		if (barrier.parties() != parties) {
			throw new IllegalArgumentException(
					"Barrier '" + barrier.name() + "' exists with " + barrier.parties() + " parties, not " + parties);
		}
		return withAction(barrier, action);
	}

	/**
	 * Returns the barrier as obtained with an action, without checking its parties.
	 * @param barrier the barrier found or created
	 * @param action the action, or {@code null}
	 * @return the barrier to hand out
	 */
	public static SharedBarrier withAction(SharedBarrier barrier, Runnable action) {
		if (barrier instanceof LocalBarrier local) {
			return local.withAction(action);
		}
		return ((RemoteBarrier) barrier).withAction(action);
	}

	@Override
	public java.util.Map<String, Object> describe(SharedBarrier barrier, LocalEngine engine) {
		BarrierState state = ((LocalBarrier) barrier).state();
		java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
		described.put("parties", state.parties());
		described.put("waiting", state.waiting());
		described.put("broken", state.isBroken());
		return described;
	}

	@Override
	public Object invoke(SharedBarrier barrier, int op, Input args, ValueCodec codec, long session) {
		BarrierState state = ((LocalBarrier) barrier).state();
		return switch (Operation.ofCode(BarrierOperation.ALL, op)) {
			case AWAIT -> state.await(new Owner(session, (Long) codec.read(args)), (Long) codec.read(args),
					(Boolean) codec.read(args));
			case ACTION_DONE -> {
				state.actionDone(new Owner(session, (Long) codec.read(args)), (Boolean) codec.read(args));
				yield null;
			}
			case RESET -> {
				state.reset();
				yield null;
			}
			case ABORT -> {
				state.abort();
				yield null;
			}
			case IS_BROKEN -> state.isBroken();
			case PARTIES -> state.parties();
			case WAITING -> state.waiting();
		};
	}

}
