package io.sharedstate.engine;

import java.util.List;
import java.util.Map;

import com.esotericsoftware.kryo.io.Input;

import io.sharedstate.api.SharedObject;
import io.sharedstate.api.SharedType;
import io.sharedstate.client.RemoteHandle;
import io.sharedstate.codec.ValueCodec;

/**
 * Everything an engine needs to know about one shared type: how to create its
 * authoritative object, how the server runs a remote operation on it, and how a client
 * proxies it.
 *
 * @param <T> the object type
 */
public interface SharedTypeSupport<T extends SharedObject> {

	/**
	 * Creates the authoritative object.
	 * @param engine the engine that hosts it
	 * @param name its name
	 * @param initial its initial value, for types that take one
	 * @return the object
	 */
	T createLocal(LocalEngine engine, String name, Object initial);

	/**
	 * Runs a remote operation on the authoritative object, reading its arguments from the
	 * request body.
	 * @param target the object
	 * @param op the operation code
	 * @param args the request body
	 * @param codec decodes the arguments
	 * @param session the calling client's session
	 * @return the result, encoded into the reply by the caller; a
	 * {@link java.util.concurrent.CompletableFuture} not yet done parks the request until
	 * it completes (a blocking operation), and its value may be {@link Revocable}
	 */
	Object invoke(T target, int op, Input args, ValueCodec codec, long session);

	/**
	 * Creates a client proxy.
	 * @param handle the connection to the object
	 * @return the proxy
	 */
	T createRemote(RemoteHandle handle);

	/**
	 * Describes the authoritative object's state for inspection: sizes, flags, holders
	 * and waiting counts, never stored values.
	 * @param target the object
	 * @param engine the engine that hosts it, which names the processes of sessions
	 * @return the state, in a stable order
	 */
	default Map<String, Object> describe(T target, LocalEngine engine) {
		return Map.of();
	}

	/**
	 * Shows the first entries or elements of the object as text, for an inspection that
	 * asked for a preview.
	 * @param target the object
	 * @param limit how many at most
	 * @return the preview
	 */
	default List<String> preview(T target, int limit) {
		return List.of();
	}

	/**
	 * Returns the type's remote operations, indexed by {@link Operation#ordinal()}.
	 * @return the operations
	 */
	Operation[] operations();

	/**
	 * Returns the type supported.
	 * @return the type
	 */
	SharedType type();

}
