package io.sharedstate.custom;

import java.io.ObjectStreamException;

import io.sharedstate.client.RemoteHandle;

/**
 * A client's proxy of a custom object: each call travels to the manager server with the
 * method's key and arguments, and runs there.
 */
final class RemoteCustomHandler extends CustomHandler {

	private final RemoteHandle handle;

	RemoteCustomHandler(RemoteHandle handle, CustomTypeRef ref, Class<?> sharedInterface) {
		super(ref.typeId(), handle.name(), sharedInterface);
		this.handle = handle;
	}

	@Override
	Object call(String methodKey, Object[] args) {
		Object[] request = new Object[args.length + 2];
		request[0] = methodKey;
		request[1] = args.length;
		System.arraycopy(args, 0, request, 2, args.length);
		return this.handle.callAs(methodKey, CustomOperation.CALL, request);
	}

	@Override
	boolean sameObject(CustomHandler other) {
		return other instanceof RemoteCustomHandler remote && remote.handle.sameObject(this.handle);
	}

	@Override
	Object writeReplace() throws ObjectStreamException {
		return this.handle.writeReplace();
	}

}
