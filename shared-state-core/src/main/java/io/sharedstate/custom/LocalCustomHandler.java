package io.sharedstate.custom;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.net.InetSocketAddress;

import io.sharedstate.ProxyReference;
import io.sharedstate.engine.LocalEngine;

/**
 * The proxy of a custom object in the process that hosts it: calls run on the instance
 * directly, with the same locking and exposure rules as calls from clients.
 */
final class LocalCustomHandler extends CustomHandler {

	private final CustomInstance instance;

	private final LocalEngine engine;

	LocalCustomHandler(CustomInstance instance, LocalEngine engine) {
		super(instance.type().typeId(), instance.name(), instance.type().sharedInterface());
		this.instance = instance;
		this.engine = engine;
	}

	CustomInstance instance() {
		return this.instance;
	}

	@Override
	Object call(String methodKey, Object[] args) throws Throwable {
		return this.instance.call(methodKey, args);
	}

	@Override
	boolean sameObject(CustomHandler other) {
		return other instanceof LocalCustomHandler local && local.instance == this.instance;
	}

	@Override
	Object writeReplace() throws ObjectStreamException {
		InetSocketAddress address = this.engine.serverAddress();
		if (address == null) {
			throw new NotSerializableException(this.instance + " belongs to an in-process manager; only objects of a "
					+ "manager server (SharedState.serve) can be sent to other processes");
		}
		return ProxyReference.ofCustom(address, name(), ref());
	}

}
