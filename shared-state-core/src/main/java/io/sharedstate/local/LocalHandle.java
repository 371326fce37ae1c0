package io.sharedstate.local;

import java.io.ObjectStreamException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.host.CallContext;
import io.sharedstate.host.HostedObject;
import io.sharedstate.host.ObjectHost;
import io.sharedstate.host.ParkedCall;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Revoker;

/**
 * A handle whose calls run on a host in this JVM: a call is a transition on the calling
 * thread; a blocking call that parks waits on its parked call, interruptibly.
 */
final class LocalHandle implements ObjectHandle {

	private final LocalEngine engine;

	private final ObjectHost host;

	private final HostedObject hosted;

	private final CallContext context;

	private final Object initial;

	private final Fencing fencing;

	private final Opener opener;

	LocalHandle(LocalEngine engine, ObjectHost host, HostedObject hosted, CallContext context, Object initial,
			Opener opener) {
		this(engine, host, hosted, context, initial, null, opener);
	}

	private LocalHandle(LocalEngine engine, ObjectHost host, HostedObject hosted, CallContext context, Object initial,
			Fencing fencing, Opener opener) {
		this.opener = opener;
		this.engine = engine;
		this.host = host;
		this.hosted = hosted;
		this.context = context;
		this.initial = initial;
		this.fencing = fencing;
	}

	private Object invoke(Operation operation, Object[] args) {
		if (this.fencing != null) {
			return this.host.invokeFenced(this.fencing.lock(), this.fencing.thread(), this.fencing.fence(), this.hosted,
					operation, args, this.context);
		}
		return this.host.invoke(this.hosted, operation, args, this.context);
	}

	@Override
	public String name() {
		return this.hosted.name();
	}

	@Override
	public SharedType type() {
		return this.hosted.type();
	}

	@Override
	public Object initial() {
		return this.initial;
	}

	@Override
	public Object call(Operation operation, Object... args) {
		Object result = invoke(operation, args);
		if (result instanceof ParkedCall parked) {
			return LocalWaits.uninterruptibly(parked);
		}
		return result;
	}

	@Override
	public Object callAs(String description, Operation operation, Object[] args) {
		return call(operation, args);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> callAsync(Operation operation, Object... args) {
		try {
			Object result = invoke(operation, args);
			return (result instanceof ParkedCall parked) ? (CompletableFuture<T>) (CompletableFuture<?>) parked
					: CompletableFuture.completedFuture((T) result);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public Object callBlocking(Operation operation, Duration wait, Revoker revoker, Object... args)
			throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		Object result = invoke(operation, args);
		if (!(result instanceof ParkedCall parked)) {
			return result;
		}
		try {
			return parked.get();
		}
		catch (InterruptedException ex) {
			if (!parked.cancel(false)) {
				Object granted = LocalWaits.uninterruptibly(parked);
				if (revoker != null) {
					revoker.giveBack(granted);
				}
				else {
					parked.giveBack(granted);
				}
			}
			throw ex;
		}
		catch (ExecutionException ex) {
			throw LocalWaits.unwrap(ex);
		}
	}

	@Override
	public CompletableFuture<Object> send(Operation operation, Object... args) {
		return callAsync(operation, args);
	}

	@Override
	public boolean runsOnHost(Object function) {
		return true;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends SharedObject> T open(SharedType type, String name, Object initial) {
		return (T) this.opener.open(type, name, initial);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends SharedObject> T openFenced(T object, long thread, long fence) {
		HostedObject target = this.host.find(object.name());
		if (target == null || target.type() != object.type()) {
			throw new IllegalArgumentException(object + " is not an object of this manager");
		}
		LocalHandle fenced = new LocalHandle(this.engine, this.host, target, this.context, target.initial(),
				new Fencing(this.hosted, thread, fence), this.opener);
		return (T) target.definition().proxy().apply(fenced);
	}

	@Override
	public long sessionEpoch() {
		return 0;
	}

	@Override
	public long knownSessionEpoch() {
		return 0;
	}

	@Override
	public void lockEvent(boolean acquired, long nanos) {
		if (acquired) {
			this.engine.observer().lockAcquired(name(), nanos);
		}
		else {
			this.engine.observer().lockReleased(name(), nanos);
		}
	}

	@Override
	public Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(type(), name(), this.initial);
	}

	@Override
	public boolean sameObject(ObjectHandle other) {
		return other instanceof LocalHandle local && local.hosted == this.hosted;
	}

	@Override
	public String toString() {
		return this.hosted.toString();
	}

	/** Opens the proxies of other objects for the same context. */
	@FunctionalInterface
	interface Opener {

		SharedObject open(SharedType type, String name, Object initial);

	}

	/** The lock hold a handle's calls are fenced by. */
	private record Fencing(HostedObject lock, long thread, long fence) {

	}

}
