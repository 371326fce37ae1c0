package io.sharedstate.server;

import java.util.ArrayList;
import java.util.List;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.host.CallContext;
import io.sharedstate.host.HostedObject;
import io.sharedstate.host.ObjectHost;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.local.LocalEngine;
import io.sharedstate.model.Operation;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.Ops;

/**
 * Turns one request of the binary protocol into a call on the host and returns its
 * result.
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

	ObjectHost host() {
		return this.host;
	}

	private Object[] arguments(Input body) {
		List<Object> args = new ArrayList<>(4);
		while (body.position() < body.limit()) {
			args.add(this.codec.read(body));
		}
		return args.toArray();
	}

	/**
	 * Runs a request.
	 * @param frame the request
	 * @param connection the connection it came on
	 * @return the result to send back; a {@link io.sharedstate.host.ParkedCall} for a
	 * call that waits
	 * @throws RuntimeException the failure to send back
	 */
	Object dispatch(Frame frame, ServerConnection connection) {
		Object[] args = arguments(frame.body());
		switch (frame.op()) {
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
				connection.acknowledge((Integer) args[0], frame.op() == Ops.ACK);
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
				connection.cancel((Integer) args[0]);
				return null;
			}
			case Ops.DESTROY -> {
				connection.context();
				return this.engine.destroy((String) args[0]);
			}
			default -> {
				CallContext context = connection.context();
				HostedObject target = this.host.byId(frame.objectId());
				if (target == null) {
					throw new IllegalStateException("No shared object with id " + frame.objectId()
							+ " on this manager: it was destroyed, or the manager was restarted");
				}
				Operation operation = target.definition().operation(frame.op() - Ops.FIRST_OBJECT_OP);
				long start = System.nanoTime();
				boolean success = false;
				try {
					Object result = this.host.invoke(target, operation, args, context);
					connection.answered(target, operation, args);
					success = true;
					return result;
				}
				finally {
					this.engine.observer()
						.operation(target.type(), operation.name(), System.nanoTime() - start, success);
				}
			}
		}
	}

}
