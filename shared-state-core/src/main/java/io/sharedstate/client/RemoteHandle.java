package io.sharedstate.client;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.model.ObjectHandle;
import io.sharedstate.model.Operation;
import io.sharedstate.model.Revoker;
import io.sharedstate.protocol.Ops;

/**
 * A client's handle of one named object of a manager server. Resolves the object's id on
 * the current connection on first use, and again after a reconnect.
 */
final class RemoteHandle implements ObjectHandle {

	private final RemoteEngine engine;

	private final SharedType type;

	private final String name;

	private final Object initial;

	private final Fencing fencing;

	private volatile Binding binding;

	RemoteHandle(RemoteEngine engine, SharedType type, String name, Object initial) {
		this(engine, type, name, initial, null);
	}

	private RemoteHandle(RemoteEngine engine, SharedType type, String name, Object initial, Fencing fencing) {
		this.engine = engine;
		this.type = type;
		this.name = name;
		this.initial = initial;
		this.fencing = fencing;
	}

	/**
	 * Returns a handle of another object whose calls are fenced by a hold of this lock.
	 */
	RemoteHandle fencedHandle(SharedType type, String name, Object initial, long thread, long fence) {
		return new RemoteHandle(this.engine, type, name, initial, new Fencing(this, thread, fence));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SharedType type() {
		return this.type;
	}

	@Override
	public Object initial() {
		return this.initial;
	}

	@Override
	public Object call(Operation operation, Object... args) {
		long start = System.nanoTime();
		boolean success = false;
		try {
			ClientConnection connection = this.engine.connection();
			Object result = (this.fencing == null)
					? connection.call(objectId(connection), Ops.code(operation), args, this, operation.name(),
							this.engine.options().callTimeout())
					: connection.callFenced(objectId(connection), Ops.code(operation), args, this, operation.name(),
							this.engine.options().callTimeout(), this.fencing.prefix(connection));
			success = true;
			return result;
		}
		finally {
			this.engine.observer().operation(this.type, operation.name(), System.nanoTime() - start, success);
		}
	}

	@Override
	public Object callAs(String description, Operation operation, Object[] args) {
		ClientConnection connection = this.engine.connection();
		if (this.fencing != null) {
			return connection.callFenced(objectId(connection), Ops.code(operation), args, this, description,
					this.engine.options().callTimeout(), this.fencing.prefix(connection));
		}
		return connection.call(objectId(connection), Ops.code(operation), args, this, description,
				this.engine.options().callTimeout());
	}

	@Override
	public Object callBlocking(Operation operation, Duration wait, Revoker revoker, Object... args)
			throws InterruptedException {
		if (this.fencing != null) {
			throw new UnsupportedOperationException(operation + " on " + this + " would wait: a fenced view runs "
					+ "only operations that do not wait");
		}
		long start = System.nanoTime();
		boolean success = false;
		try {
			ClientConnection connection = this.engine.connection();
			Object result = connection.callBlocking(objectId(connection), Ops.code(operation), args, this,
					operation.name(), wait, this.engine.options().callTimeout(),
					(revoker != null) ? revoker::giveBack : null);
			success = true;
			return result;
		}
		finally {
			this.engine.observer().operation(this.type, operation.name(), System.nanoTime() - start, success);
		}
	}

	@Override
	public CompletableFuture<Object> send(Operation operation, Object... args) {
		if (this.fencing != null) {
			return callAsync(operation, args);
		}
		try {
			ClientConnection connection = this.engine.connection();
			return connection.callLazily(objectId(connection), Ops.code(operation), args, this, operation.name(),
					this.engine.options().callTimeout());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> callAsync(Operation operation, Object... args) {
		if (this.fencing != null) {
			// Fenced calls are checked where the lock lives, one at a time.
			try {
				return CompletableFuture.completedFuture((T) call(operation, args));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		try {
			ClientConnection connection = this.engine.connection();
			return (CompletableFuture<T>) connection.callAsync(objectId(connection), Ops.code(operation), args, this,
					operation.name(), this.engine.options().callTimeout());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public boolean runsOnHost(Object function) {
		return function instanceof Serializable;
	}

	@Override
	public <T extends SharedObject> T open(SharedType type, String name, Object initial) {
		return this.engine.open(type, name, initial);
	}

	@Override
	public <T extends SharedObject> T openFenced(T object, long thread, long fence) {
		return this.engine.openFenced(this, object, thread, fence);
	}

	@Override
	public long sessionEpoch() {
		this.engine.connection();
		return this.engine.sessionEpoch();
	}

	@Override
	public long knownSessionEpoch() {
		return this.engine.sessionEpoch();
	}

	@Override
	public void lockEvent(boolean acquired, long nanos) {
		if (acquired) {
			this.engine.observer().lockAcquired(this.name, nanos);
		}
		else {
			this.engine.observer().lockReleased(this.name, nanos);
		}
	}

	/**
	 * Resolves the object's id on the server, creating the object if needed.
	 * @param connection the connection to resolve on
	 * @return the id
	 */
	int objectId(ClientConnection connection) {
		Binding current = this.binding;
		if (current != null && current.connection() == connection) {
			return current.objectId();
		}
		int id = this.engine.open(connection, this, this.type, this.name, this.initial);
		this.binding = new Binding(connection, id);
		return id;
	}

	@Override
	public Object writeReplace() throws ObjectStreamException {
		return this.engine.referenceTo(this.type, this.name, this.initial);
	}

	@Override
	public boolean sameObject(ObjectHandle other) {
		return other instanceof RemoteHandle remote && remote.engine == this.engine && remote.type == this.type
				&& remote.name.equals(this.name);
	}

	@Override
	public String toString() {
		return ((this.initial instanceof io.sharedstate.model.Labelled labelled) ? labelled.label()
				: this.type.toString()) + " '" + this.name + "'";
	}

	private record Binding(ClientConnection connection, int objectId) {

	}

	/** The lock hold a handle's calls are fenced by. */
	private record Fencing(RemoteHandle lock, long thread, long fence) {

		Object[] prefix(ClientConnection connection) {
			return new Object[] { this.lock.objectId(connection), this.thread, this.fence };
		}

	}

}
