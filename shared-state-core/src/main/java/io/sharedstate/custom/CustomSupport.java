package io.sharedstate.custom;

import java.lang.reflect.UndeclaredThrowableException;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.engine.LocalEngine;
import io.sharedstate.engine.Operation;
import io.sharedstate.engine.SharedTypeSupport;

/**
 * Custom object support for the engines.
 */
public final class CustomSupport implements SharedTypeSupport<SharedObject> {

	/** The most parameters a Java method has. */
	private static final int MAX_ARGS = 255;

	@Override
	public Operation[] operations() {
		return CustomOperation.ALL;
	}

	@Override
	public SharedType type() {
		return SharedType.CUSTOM;
	}

	/**
	 * Finds or creates the object through the engine's {@link CustomHost}, which runs the
	 * type's factory outside the engine's maps.
	 */
	@Override
	public SharedObject createLocal(LocalEngine engine, String name, Object initial) {
		return engine.customHost().open(name, (CustomTypeRef) initial).object();
	}

	/**
	 * Creates a client's proxy of a custom object, loading its interface by the name the
	 * handle's {@link CustomTypeRef} carries.
	 */
	@Override
	public SharedObject createRemote(RemoteHandle handle) {
		CustomTypeRef ref = (CustomTypeRef) handle.initial();
		return CustomProxies.remote(handle, ref, ref.loadInterface());
	}

	/**
	 * Creates a client's proxy of a custom object used through a given interface.
	 * @param <T> the interface
	 * @param handle the connection to the object, opened with a {@link CustomTypeRef}
	 * @param sharedInterface the interface
	 * @return the proxy
	 */
	public static <T> T createRemote(RemoteHandle handle, Class<T> sharedInterface) {
		return sharedInterface.cast(CustomProxies.remote(handle, (CustomTypeRef) handle.initial(), sharedInterface));
	}

	@Override
	public java.util.Map<String, Object> describe(SharedObject target, LocalEngine engine) {
		CustomType<?> type = CustomProxies.instance(target).type();
		java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
		described.put("typeId", type.typeId());
		described.put("interface", type.sharedInterface().getName());
		described.put("threadSafe", type.threadSafe());
		return described;
	}

	@Override
	public Object invoke(SharedObject target, int op, Input args, ValueCodec codec, long session) {
		return switch (Operation.ofCode(CustomOperation.ALL, op)) {
			case CALL -> call(CustomProxies.instance(target), (String) codec.read(args), readArguments(args, codec));
		};
	}

	private static Object[] readArguments(Input args, ValueCodec codec) {
		int count = (Integer) codec.read(args);
		if (count < 0 || count > MAX_ARGS) {
			throw new IllegalArgumentException("A method call with " + count + " arguments");
		}
		Object[] values = new Object[count];
		for (int i = 0; i < count; i++) {
			values[i] = codec.read(args);
		}
		return values;
	}

	private static Object call(CustomInstance instance, String methodKey, Object[] args) {
		try {
			return instance.call(methodKey, args);
		}
		catch (RuntimeException | VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			// Checked exceptions and other errors reach the caller as themselves (see
			// ErrorReplies) without ending the connection's thread.
			throw new UndeclaredThrowableException(ex);
		}
	}

}
