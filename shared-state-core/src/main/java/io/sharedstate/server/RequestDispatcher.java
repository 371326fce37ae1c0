package io.sharedstate.server;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedType;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.LocalEngine.HostedObject;
import io.sharedstate.api.SharedObject;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;
import io.sharedstate.engine.SharedTypes;
import io.sharedstate.inspect.Inspector;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.Ops;

/**
 * Runs one request against the local engine and returns its result.
 */
final class RequestDispatcher {

	private final LocalEngine engine;

	private final ValueCodec codec;

	private final Inspector inspector;

	RequestDispatcher(LocalEngine engine, ValueCodec codec, Inspector inspector) {
		this.engine = engine;
		this.codec = codec;
		this.inspector = inspector;
	}

	ValueCodec codec() {
		return this.codec;
	}

	/**
	 * Runs a request.
	 * @param frame the request
	 * @param connection the connection it came on
	 * @return the result to send back
	 * @throws RuntimeException the failure to send back
	 */
	Object dispatch(Frame frame, ServerConnection connection) {
		Input body = frame.body();
		switch (frame.op()) {
			case Ops.OPEN -> {
				connection.session();
				SharedType type = SharedType.ofCode((Integer) this.codec.read(body));
				String name = (String) this.codec.read(body);
				Object initial = this.codec.read(body);
				return this.engine.open(type, name, initial).id();
			}
			case Ops.PING -> {
				return null;
			}
			case Ops.HELLO -> {
				connection.hello((Long) this.codec.read(body), (Long) this.codec.read(body),
						(String) this.codec.read(body), (String) this.codec.read(body));
				return null;
			}
			case Ops.ACK, Ops.NACK -> {
				connection.acknowledge((Integer) this.codec.read(body), frame.op() == Ops.ACK);
				return null;
			}
			case Ops.INSPECT_OBJECTS -> {
				return this.inspector.objects();
			}
			case Ops.INSPECT_OBJECT -> {
				return this.inspector.object((String) this.codec.read(body), (Integer) this.codec.read(body))
					.orElse(null);
			}
			case Ops.INSPECT_CLIENTS -> {
				return this.inspector.clients();
			}
			case Ops.CANCEL -> {
				connection.cancel((Integer) this.codec.read(body));
				return null;
			}
			default -> {
				long session = connection.session();
				HostedObject target = this.engine.byId(frame.objectId());
				if (target == null) {
					throw new IllegalStateException("No shared object with id " + frame.objectId()
							+ " on this manager; it may have been restarted");
				}
				SharedTypeSupport<SharedObject> support = SharedTypes.support(target.type());
				long start = System.nanoTime();
				boolean success = false;
				try {
					Object result = support.invoke(target.object(), frame.op(), body, this.codec, session);
					success = true;
					return result;
				}
				finally {
					this.engine.observer()
						.operation(target.type(), Operation.ofCode(support.operations(), frame.op()),
								System.nanoTime() - start, success);
				}
			}
		}
	}

}
