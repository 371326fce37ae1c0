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

	private volatile Binding binding;

	RemoteHandle(RemoteEngine engine, SharedType type, String name, Object initial) {
		this.engine = engine;
		this.type = type;
		this.name = name;
		this.initial = initial;
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
			Object result = connection.call(objectId(connection), Ops.code(operation), args, this, operation.name(),
					this.engine.options().callTimeout());
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
		return connection.call(objectId(connection), Ops.code(operation), args, this, description,
				this.engine.options().callTimeout());
	}

	@Override
	public Object callBlocking(Operation operation, Duration wait, Revoker revoker, Object... args)
			throws InterruptedException {
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

}
