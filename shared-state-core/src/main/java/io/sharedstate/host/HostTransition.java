package io.sharedstate.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sharedstate.api.SharedObject;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Parked;
import io.sharedstate.model.Transition;

/**
 * The host's side of one transition: records the caller's park and the calls to wake, and
 * wakes them once the object's monitor is left.
 */
final class HostTransition implements Transition {

	private final ObjectHost host;

	private final HostedObject target;

	private final Operation operation;

	private final Object[] args;

	private final CallContext context;

	private final long session;

	private List<Object> wakes;

	private ParkedCall parked;

	HostTransition(ObjectHost host, HostedObject target, Operation operation, Object[] args, CallContext context,
			long session) {
		this.host = host;
		this.target = target;
		this.operation = operation;
		this.args = args;
		this.context = context;
		this.session = session;
	}

	@Override
	public long session() {
		return this.session;
	}

	@Override
	public Parked park(Owner owner, Object request, long timeoutNanos) {
		if (this.context == null || this.parked != null) {
			throw new IllegalStateException(this.operation + " on " + this.target + " cannot wait here");
		}
		long waitId = this.host.nextWaitId();
		this.parked = new ParkedCall(this.host, this.target, this.operation, this.args, this.context, waitId);
		this.host.registerParked(this.parked);
		if (timeoutNanos >= 0) {
			this.host.timer().schedule(() -> this.host.expire(this.parked), timeoutNanos, TimeUnit.NANOSECONDS);
		}
		return new Parked(waitId, owner, request);
	}

	@Override
	public void wake(Parked parked, Object result) {
		wakes().add(parked);
		wakes().add(result);
	}

	@Override
	public void fail(Parked parked, RuntimeException failure) {
		wakes().add(parked);
		wakes().add(new Failure(failure));
	}

	private List<Object> wakes() {
		if (this.wakes == null) {
			this.wakes = new ArrayList<>(4);
		}
		return this.wakes;
	}

	@Override
	public long currentTimeMillis() {
		return this.host.clock().millis();
	}

	@Override
	public SharedObject host(String name, Object initial, Object state) {
		return this.host.hostDuringTransition(name, initial, state);
	}

	@Override
	public String processOf(long session) {
		return this.host.sessions().processOf(session);
	}

	ParkedCall parkedCall() {
		return this.parked;
	}

	/** Wakes the calls this transition served; call after leaving the monitor. */
	void deliver() {
		if (this.wakes == null) {
			return;
		}
		for (int i = 0; i < this.wakes.size(); i += 2) {
			Parked parked = (Parked) this.wakes.get(i);
			Object result = this.wakes.get(i + 1);
			this.host.complete(parked.id(), result);
		}
	}

	/** A wake with a failure. */
	record Failure(RuntimeException exception) {

	}

}
