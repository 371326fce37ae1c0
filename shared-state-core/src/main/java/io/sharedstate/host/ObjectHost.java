package io.sharedstate.host;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.sharedstate.api.ObjectDestroyedException;
import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.inspect.ObjectInfo;
import io.sharedstate.model.BlockingState;
import io.sharedstate.model.ConcurrentState;
import io.sharedstate.model.Fence;
import io.sharedstate.model.Labelled;
import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.model.Owner;
import io.sharedstate.model.Reopenable;
import io.sharedstate.model.Transition;
import io.sharedstate.model.TypeCatalog;
import io.sharedstate.model.TypeDefinition;

/**
 * Hosts shared objects in this JVM: the state of each name, and the one call path every
 * caller uses, {@link #invoke}. A transition runs under its object's monitor (none for a
 * concurrent state); a call it parks is woken, after the monitor is left, by the
 * transition that serves it, by its timeout on the host's timer, or cancelled by its
 * caller.
 */
public final class ObjectHost implements AutoCloseable {

	private final TypeCatalog catalog;

	private final Function<HostedObject, SharedObject> proxies;

	private final ConcurrentHashMap<String, HostedObject> byName = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Integer, HostedObject> byId = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, ParkedCall> parked = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final AtomicLong waitIds = new AtomicLong();

	private final Sessions sessions;

	private final CallContext ownContext;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor timer;

	/**
	 * Creates a host.
	 * @param catalog the types it hosts
	 * @param gracePeriod how long a session outlives its last connection
	 * @param proxies makes this process's proxy of a hosted object, for objects that
	 * transitions create and for references decoded here
	 */
	public ObjectHost(TypeCatalog catalog, Duration gracePeriod, Function<HostedObject, SharedObject> proxies) {
		this.catalog = catalog;
		this.proxies = proxies;
		this.clock = Clock.systemUTC();
		this.sessions = new Sessions(this, gracePeriod);
		long own = new SecureRandom().nextLong();
		this.ownContext = new CallContext(this,
				this.sessions.attach(own, "this process (pid " + ProcessHandle.current().pid() + ")"), false);
		this.timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "shared-state-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Finds or creates the object of a name.
	 * @param type the type wanted
	 * @param name the name
	 * @param initial the value a new object starts from, for types that take one
	 * @return the object
	 * @throws SharedTypeMismatchException if the name belongs to another type
	 */
	public HostedObject open(SharedType type, String name, Object initial) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A shared object needs a non-empty name");
		}
		HostedObject hosted = this.byName.get(name);
		if (hosted == null) {
			TypeDefinition definition = this.catalog.definition(type);
			hosted = this.byName.computeIfAbsent(name, (key) -> register(key, definition, initial,
					definition.newState().create(name, initial, this::stateOf)));
		}
		String requested = (initial instanceof Labelled labelled) ? labelled.label() : type.toString();
		if (hosted.type() != type || !hosted.typeLabel().equals(requested)) {
			throw SharedTypeMismatchException.of(name, hosted.typeLabel(), requested);
		}
		if (initial != null && hosted.state() instanceof Reopenable reopenable) {
			reopenable.reopened(initial);
		}
		return hosted;
	}

	private HostedObject register(String name, TypeDefinition definition, Object initial, Object state) {
		Object monitor = (state instanceof ConcurrentState) ? null
				: (state instanceof BlockingState blocking) ? blocking.monitor() : state;
		String label = (state instanceof Labelled labelled) ? labelled.label() : definition.type().toString();
		HostedObject hosted = new HostedObject(this.ids.incrementAndGet(), name, definition, initial, state, monitor,
				label);
		// Known by id before it can be found by name, so an id read from a reply
		// resolves.
		this.byId.put(hosted.id(), hosted);
		return hosted;
	}

	private Object stateOf(SharedObject object) {
		HostedObject hosted = this.byName.get(object.name());
		if (hosted == null || hosted.type() != object.type()) {
			throw new IllegalArgumentException(object.type() + " '" + object.name() + "' is not hosted here");
		}
		return hosted.state();
	}

	/**
	 * Hosts an object a transition created, under the name wanted or, if that is taken,
	 * the first free one of {@code name#2}, {@code name#3}...
	 */
	SharedObject hostDuringTransition(String name, Object initial, Object state) {
		TypeDefinition definition = this.catalog.definition(SharedType.CUSTOM);
		for (int n = 1;; n++) {
			String candidate = (n == 1) ? name : name + "#" + n;
			if (this.byName.containsKey(candidate)) {
				continue;
			}
			HostedObject created = register(candidate, definition, initial, state);
			if (this.byName.putIfAbsent(candidate, created) == null) {
				return this.proxies.apply(created);
			}
			this.byId.remove(created.id());
		}
	}

	/**
	 * Returns this process's proxy of a hosted object.
	 * @param hosted the object
	 * @return the proxy
	 */
	public SharedObject proxyOf(HostedObject hosted) {
		return this.proxies.apply(hosted);
	}

	/**
	 * Returns the object of a name, without creating it.
	 * @param name the name
	 * @return the object, or {@code null}
	 */
	public HostedObject find(String name) {
		return this.byName.get(name);
	}

	/**
	 * Returns the object with an id.
	 * @param id the id
	 * @return the object, or {@code null}
	 */
	public HostedObject byId(int id) {
		return this.byId.get(id);
	}

	/**
	 * Returns every object.
	 * @return a live view
	 */
	public Collection<HostedObject> objects() {
		return this.byName.values();
	}

	/**
	 * Destroys the object of a name: it is forgotten, calls waiting on it fail with an
	 * {@link ObjectDestroyedException}, and so does every later call through a proxy of
	 * it. Opening the name again creates a new object.
	 * @param name the name
	 * @return whether an object had the name
	 */
	public boolean destroy(String name) {
		HostedObject hosted = this.byName.remove(name);
		if (hosted == null) {
			return false;
		}
		this.byId.remove(hosted.id());
		hosted.destroyed();
		ObjectDestroyedException failure = ObjectDestroyedException.of(hosted.type(), name);
		for (ParkedCall call : this.parked.values()) {
			if (call.target() == hosted && this.parked.remove(call.waitId(), call)) {
				call.completeExceptionally(failure);
			}
		}
		return true;
	}

	/**
	 * Runs an operation on an object for a caller.
	 * @param target the object
	 * @param operation one of its type's operations
	 * @param args the arguments
	 * @param context the caller
	 * @return the result; a {@link ParkedCall} when the call was parked, which completes
	 * with the result
	 * @throws RuntimeException what the operation threw, for the caller
	 */
	public Object invoke(HostedObject target, Operation operation, Object[] args, CallContext context) {
		if (target.isDestroyed()) {
			throw ObjectDestroyedException.of(target.type(), target.name());
		}
		if (args.length != operation.arity()) {
			throw new IllegalArgumentException(
					operation + " on " + target + " takes " + operation.arity() + " arguments, not " + args.length);
		}
		Session session = context.session();
		HostTransition transition = new HostTransition(this, target, operation, args, context, session.id());
		Object monitor = target.monitorOrNull();
		Object result;
		if (monitor == null) {
			result = operation.apply(target.state(), args, transition);
		}
		else {
			synchronized (monitor) {
				result = operation.apply(target.state(), args, transition);
			}
		}
		if (target.isBlocking() && context != this.ownContext) {
			session.touch(target);
		}
		transition.deliver();
		return (result == Transition.PARKED) ? transition.parkedCall() : result;
	}

	/**
	 * Runs an operation only while a lock hold is current: checked and run under the
	 * lock's monitor, so no other holder can come in between.
	 * @param lock the lock whose hold fences the call
	 * @param thread the holding thread, as its process names it
	 * @param fence the fence of the hold's grant
	 * @param target the object
	 * @param operation one of its type's operations; it must not wait
	 * @param args the arguments
	 * @param context the caller
	 * @return the result
	 * @throws RuntimeException the lock's {@link Fence#lost()} if the hold is not current
	 */
	public Object invokeFenced(HostedObject lock, long thread, long fence, HostedObject target, Operation operation,
			Object[] args, CallContext context) {
		if (!(lock.state() instanceof Fence guard)) {
			throw new IllegalArgumentException(lock + " cannot fence calls; only a lock can");
		}
		if (operation.kind() == OperationKind.BLOCKING || operation.kind() == OperationKind.TAKE || target == lock) {
			throw new IllegalArgumentException(operation + " on " + target + " cannot be fenced: a fenced view "
					+ "runs only operations that do not wait, on objects other than its lock");
		}
		synchronized (lock.monitorOrNull()) {
			if (lock.isDestroyed()) {
				throw ObjectDestroyedException.of(lock.type(), lock.name());
			}
			if (!guard.isCurrent(new Owner(context.session().id(), thread), fence)) {
				throw guard.lost();
			}
			return invoke(target, operation, args, context);
		}
	}

	/**
	 * Gives back a result its caller did not get, such as a lock grant whose reply could
	 * not be written, or a queue item a client declined.
	 * @param target the object
	 * @param operation the operation that produced it
	 * @param args its arguments
	 * @param result the result
	 * @param session the caller's session
	 */
	public void giveBack(HostedObject target, Operation operation, Object[] args, Object result, long session) {
		if (target.isDestroyed() || !(target.state() instanceof BlockingState state)) {
			return;
		}
		maintain(target, session, (transition) -> state.giveBack(operation, args, result, transition));
	}

	private void maintain(HostedObject target, long session, java.util.function.Consumer<Transition> change) {
		HostTransition transition = new HostTransition(this, target, null, null, null, session);
		synchronized (target.monitorOrNull()) {
			change.accept(transition);
		}
		transition.deliver();
	}

	void registerParked(ParkedCall call) {
		this.parked.put(call.waitId(), call);
		call.context().parkedInHost(call);
	}

	long nextWaitId() {
		return this.waitIds.incrementAndGet();
	}

	void complete(long waitId, Object result) {
		ParkedCall call = this.parked.remove(waitId);
		if (call == null) {
			return;
		}
		if (result instanceof HostTransition.Failure failure) {
			call.completeExceptionally(failure.exception());
		}
		else {
			call.complete(result);
		}
	}

	void expire(ParkedCall call) {
		if (this.parked.get(call.waitId()) != call) {
			return;
		}
		BlockingState state = (BlockingState) call.target().state();
		maintain(call.target(), call.context().session().id(), (transition) -> state.expire(call.waitId(), transition));
	}

	boolean cancel(ParkedCall call) {
		if (this.parked.get(call.waitId()) != call) {
			return false;
		}
		BlockingState state = (BlockingState) call.target().state();
		boolean[] withdrawn = new boolean[1];
		maintain(call.target(), call.context().session().id(), (transition) -> {
			withdrawn[0] = state.cancel(call.waitId(), transition);
			if (withdrawn[0]) {
				this.parked.remove(call.waitId(), call);
			}
		});
		if (withdrawn[0]) {
			call.cancelled();
		}
		return withdrawn[0];
	}

	void endSession(Session session) {
		for (HostedObject target : session.touched()) {
			if (!target.isDestroyed()) {
				BlockingState state = (BlockingState) target.state();
				maintain(target, session.id(), (transition) -> state.sessionEnded(session.id(), transition));
			}
		}
	}

	/**
	 * Opens a context for the calls of a client connection.
	 * @param session the client's session id, the same on every connection of the process
	 * @param process what the process is, for inspection
	 * @return the context; close it when the connection ends
	 */
	public CallContext connect(long session, String process) {
		boolean[] existed = new boolean[1];
		Session attached = this.sessions.attach(session, process, existed);
		return new CallContext(this, attached, existed[0]);
	}

	/**
	 * Returns the context of this process's own calls, whose session never ends while the
	 * host is open.
	 * @return the context
	 */
	public CallContext ownContext() {
		return this.ownContext;
	}

	/**
	 * Names the process of a session, for inspection.
	 * @param session the session id
	 * @return the description
	 */
	public String processOf(long session) {
		return this.sessions.processOf(session);
	}

	/**
	 * Describes an object for inspection.
	 * @param hosted the object
	 * @param previewLimit how many entries or elements to show as text, 0 for none
	 * @return the description
	 */
	public ObjectInfo describe(HostedObject hosted, int previewLimit) {
		TypeDefinition.Inspection inspection = hosted.definition().inspection();
		Object monitor = hosted.monitorOrNull();
		Object lock = (monitor != null) ? monitor : hosted;
		synchronized (lock) {
			return new ObjectInfo(hosted.name(), hosted.typeLabel(),
					inspection.describe(hosted.state(), this::processOf),
					(previewLimit > 0) ? inspection.preview(hosted.state(), previewLimit) : List.of());
		}
	}

	Sessions sessions() {
		return this.sessions;
	}

	ScheduledExecutorService timer() {
		return this.timer;
	}

	Clock clock() {
		return this.clock;
	}

	@Override
	public void close() {
		this.byName.clear();
		this.byId.clear();
		this.timer.shutdownNow();
	}

}
