package io.sharedstate.client;

import java.io.ObjectStreamException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.ProxyReference;
import io.sharedstate.api.SharedType;
import io.sharedstate.custom.CustomHost;
import io.sharedstate.custom.CustomTypeRef;
import io.sharedstate.engine.Operation;

/**
 * A client's connection to one named object: what proxies call through. Resolves the
 * object's id on the current connection on first use, and again after a reconnect.
 */
public final class RemoteHandle {

	private static final Logger logger = LoggerFactory.getLogger(RemoteHandle.class);

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

	/**
	 * Returns the object's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Calls an operation and waits for its result.
	 * @param op the operation
	 * @param args its arguments
	 * @return the result
	 */
	public Object call(Operation op, Object... args) {
		long start = System.nanoTime();
		boolean success = false;
		try {
			ClientConnection connection = this.engine.connection();
			Object result = connection.call(objectId(connection), op.code(), args, this, op.name(),
					this.engine.options().callTimeout());
			success = true;
			return result;
		}
		finally {
			this.engine.observer().operation(this.type, op, System.nanoTime() - start, success);
		}
	}

	/**
	 * Calls an operation and waits for its result, naming the call in error messages with
	 * a description of its own, such as the method a custom object's proxy calls.
	 * @param description what the call does, e.g. {@code set(int,int,int)}
	 * @param op the operation
	 * @param args its arguments
	 * @return the result
	 */
	public Object callAs(String description, Operation op, Object[] args) {
		ClientConnection connection = this.engine.connection();
		return connection.call(objectId(connection), op.code(), args, this, description,
				this.engine.options().callTimeout());
	}

	/**
	 * Calls an operation that may wait on the server, such as acquiring a lock.
	 * @param op the operation
	 * @param wait how long the server may let it wait, {@code null} for ever
	 * @param revoker gives back the result if the caller will not use it (interrupted, or
	 * gave up)
	 * @param args its arguments
	 * @return the result
	 * @throws InterruptedException if the calling thread was interrupted; the wait was
	 * cancelled and nothing is left granted
	 */
	public Object callBlocking(Operation op, Duration wait, Consumer<Object> revoker, Object... args)
			throws InterruptedException {
		long start = System.nanoTime();
		boolean success = false;
		try {
			ClientConnection connection = this.engine.connection();
			Object result = connection.callBlocking(objectId(connection), op.code(), args, this, op.name(), wait,
					this.engine.options().callTimeout(), revoker);
			success = true;
			return result;
		}
		finally {
			this.engine.observer().operation(this.type, op, System.nanoTime() - start, success);
		}
	}

	/**
	 * Sends an operation without waiting for its reply, such as an unlock; requests on
	 * one connection are run in order, so a later call sees its effect.
	 * @param op the operation
	 * @param args its arguments
	 * @return the reply's future, for reporting a failure
	 */
	public CompletableFuture<Object> send(Operation op, Object... args) {
		try {
			ClientConnection connection = this.engine.connection();
			return connection.callLazily(objectId(connection), op.code(), args, this, op.name(),
					this.engine.options().callTimeout());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Sends an operation without waiting for its reply, and logs it if it fails: for
	 * operations whose failure the caller could only learn later, such as a signal.
	 * @param op the operation
	 * @param args its arguments
	 */
	public void sendReporting(Operation op, Object... args) {
		send(op, args).whenComplete((ignored, failure) -> {
			if (failure != null) {
				logger.warn("{} {} failed on the manager: {}", this, op.name(), failure.toString());
			}
		});
	}

	/**
	 * Returns a proxy to another object of the same manager, creating it if needed.
	 * @param <T> the proxy type
	 * @param type the object's type
	 * @param name its name
	 * @param initial its initial value, if it is created
	 * @return the proxy
	 */
	public <T extends io.sharedstate.api.SharedObject> T open(SharedType type, String name, Object initial) {
		return this.engine.openProxy(type, name, initial);
	}

	/**
	 * Returns the initial value given when this handle was opened.
	 * @return the value, or {@code null}
	 */
	public Object initial() {
		return this.initial;
	}

	/**
	 * Returns who hears about operations of this client.
	 * @return the observer
	 */
	public io.sharedstate.inspect.OperationObserver observer() {
		return this.engine.observer();
	}

	/**
	 * Calls an operation without waiting; requests are pipelined on the connection.
	 * @param <T> the result type
	 * @param op the operation
	 * @param args its arguments
	 * @return the result's future
	 */
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> callAsync(Operation op, Object... args) {
		try {
			ClientConnection connection = this.engine.connection();
			return (CompletableFuture<T>) connection.callAsync(objectId(connection), op.code(), args, this, op.name(),
					this.engine.options().callTimeout());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
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

	/**
	 * Returns what a proxy serializes to, so that it reconnects on the other side.
	 * @return the reference
	 * @throws ObjectStreamException never; declared for {@code writeReplace}
	 */
	public Object writeReplace() throws ObjectStreamException {
		if (this.initial instanceof CustomTypeRef custom) {
			return ProxyReference.ofCustom(this.engine.options().address(), this.name, custom);
		}
		return ProxyReference.of(this.engine.options().address(), this.type, this.name);
	}

	/**
	 * Returns whether another handle addresses the same object of the same manager
	 * client.
	 * @param other the other handle
	 * @return whether the object is the same
	 */
	public boolean sameObject(RemoteHandle other) {
		return other.engine == this.engine && other.type == this.type && other.name.equals(this.name);
	}

	@Override
	public String toString() {
		if (this.initial instanceof CustomTypeRef custom) {
			return CustomHost.describe(custom.typeId()) + " '" + this.name + "'";
		}
		return this.type + " '" + this.name + "'";
	}

	private record Binding(ClientConnection connection, int objectId) {

	}

}
