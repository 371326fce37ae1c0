package io.sharedstate.server;

import java.util.Arrays;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedType;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.host.CallRecord;
import io.sharedstate.host.HostedObject;
import io.sharedstate.host.ObjectHost;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.model.Operation;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Ops;

/**
 * Turns requests of the binary protocol into calls on the host: {@link #decode} reads a
 * request's arguments and finds its object and operation, once; {@link #run} runs it.
 */
final class RequestDispatcher {

	private final LocalEngine engine;

	private final ObjectHost host;

	private final ValueCodec codec;

	private final Inspector inspector;

	RequestDispatcher(LocalEngine engine, ValueCodec codec, Inspector inspector) {
		this.engine = engine;
		this.host = engine.host();
		this.codec = codec;
		this.inspector = inspector;
	}

	ValueCodec codec() {
		return this.codec;
	}

	/**
	 * Reads a request.
	 * @param frame the request frame
	 * @return the request
	 * @throws SharedStateException if its arguments cannot be decoded, or it names no
	 * object of this manager
	 */
	Request decode(Frame frame) {
		Object[] args = arguments(frame.body());
		if (frame.op() < Ops.FIRST_OBJECT_OP) {
			return new Request(frame.requestId(), frame.op(), args, null, null);
		}
		Fenced fenced = null;
		if (frame.kind() == Frames.FENCED_REQUEST) {
			if (args.length < 3 || !(args[0] instanceof Integer lockId) || !(args[1] instanceof Long thread)
					|| !(args[2] instanceof Long fence)) {
				throw new SharedStateException("Malformed fenced request: it does not start with a lock's fence");
			}
			HostedObject lock = this.host.byId(lockId);
			if (lock == null) {
				throw new SharedStateException("No lock with id " + lockId + " on this manager to fence the request");
			}
			fenced = new Fenced(lock, thread, fence);
			args = Arrays.copyOfRange(args, 3, args.length);
		}
		HostedObject target = this.host.byId(frame.objectId());
		if (target == null) {
			throw new SharedStateException("No shared object with id " + frame.objectId()
					+ " on this manager: it was destroyed, or the manager was restarted");
		}
		Operation operation = target.definition().operation(frame.op() - Ops.FIRST_OBJECT_OP);
		return new Request(frame.requestId(), frame.op(), args, new CallRecord(target, operation, args), fenced);
	}

	private Object[] arguments(Input body) {
		Object[] args = new Object[4];
		int count = 0;
		try {
			while (body.position() < body.limit()) {
				if (count == args.length) {
					args = Arrays.copyOf(args, count * 2);
				}
				args[count++] = this.codec.read(body);
			}
		}
		catch (SharedStateException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Nothing of the decoder's inner workings goes back to the client.
			throw new SharedStateException("Malformed request: its arguments cannot be decoded");
		}
		return (count == args.length) ? args : Arrays.copyOf(args, count);
	}

	/**
	 * Runs a request.
	 * @param request the request
	 * @param connection the connection it came on
	 * @return the result to send back; a {@link io.sharedstate.host.ParkedCall} for a
	 * call that waits
	 * @throws RuntimeException the failure to send back
	 */
	Object run(Request request, ServerConnection connection) {
		Object[] args = request.args();
		switch (request.op()) {
			case Ops.PING -> {
				return null;
			}
			case Ops.HELLO -> {
				return connection.hello((Long) args[0], (Long) args[1], (String) args[2], (String) args[3]);
			}
			case Ops.OPEN -> {
				connection.context();
				return this.host.open(SharedType.ofCode((Integer) args[0]), (String) args[1], args[2]).id();
			}
			case Ops.ACK, Ops.NACK -> {
				connection.context().confirm((Integer) args[0], request.op() == Ops.ACK);
				return null;
			}
			case Ops.INSPECT_OBJECTS -> {
				connection.context();
				return this.inspector.objects();
			}
			case Ops.INSPECT_OBJECT -> {
				connection.context();
				return this.inspector.object((String) args[0], (Integer) args[1]).orElse(null);
			}
			case Ops.INSPECT_CLIENTS -> {
				connection.context();
				return this.inspector.clients();
			}
			case Ops.CANCEL -> {
				connection.context().cancel((Integer) args[0]);
				return null;
			}
			case Ops.DESTROY -> {
				connection.context();
				return this.engine.destroy((String) args[0]);
			}
			default -> {
				if (request.call() == null) {
					throw new SharedStateException("Unknown manager operation " + request.op()
							+ "; the client is probably newer than this manager server");
				}
				return invoke(request, connection);
			}
		}
	}

	private Object invoke(Request request, ServerConnection connection) {
		CallRecord call = request.call();
		Fenced fenced = request.fenced();
		long start = System.nanoTime();
		boolean success = false;
		try {
			Object result = (fenced == null)
					? this.host.invoke(call.target(), call.operation(), call.args(), connection.context())
					: this.host.invokeFenced(fenced.lock(), fenced.thread(), fenced.fence(), call.target(),
							call.operation(), call.args(), connection.context());
			success = true;
			return result;
		}
		catch (ClassCastException | NullPointerException | IndexOutOfBoundsException ex) {
			throw InternalFailures.hide(ex, call);
		}
		finally {
			this.engine.observer()
				.operation(call.target().type(), call.operation().name(), System.nanoTime() - start, success);
		}
	}

	/**
	 * A decoded request.
	 *
	 * @param requestId its id, {@link Ops#ONE_WAY} when no reply is wanted
	 * @param op its operation code
	 * @param args its arguments
	 * @param call the object call it makes, or {@code null} for a manager operation
	 * @param fenced the lock hold that fences it, or {@code null}
	 */
	record Request(int requestId, int op, Object[] args, CallRecord call, Fenced fenced) {

		/**
		 * Whether the request runs code its caller wrote (a custom object's method, or a
		 * function it passed), which may take long or wait: it then runs off the I/O
		 * thread.
		 */
		boolean runsUserCode() {
			if (this.call == null) {
				return false;
			}
			if (this.call.operation().runsUserCode()) {
				return true;
			}
			for (Object arg : this.args) {
				if (arg instanceof java.util.function.Function || arg instanceof java.util.function.BiFunction
						|| arg instanceof java.util.function.Predicate || arg instanceof java.util.Comparator
						|| arg instanceof java.util.function.Supplier || arg instanceof java.util.function.Consumer) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The lock hold a request is fenced by.
	 *
	 * @param lock the lock
	 * @param thread the holding thread
	 * @param fence the fence of its hold
	 */
	record Fenced(HostedObject lock, long thread, long fence) {

	}

}
