package io.sharedstate.protocol;

/**
 * Operation codes that address the manager rather than one object. Object operations are
 * numbered per type, from {@link #FIRST_OBJECT_OP}, by each type's operations class.
 */
public final class Ops {

	/** The request id of a one-way request: the server sends no reply. */
	public static final int ONE_WAY = 0;

	/**
	 * Find or create a named object: body type code, name, initial value; reply its id.
	 */
	public static final int OPEN = 1;

	/** Keep the connection alive; reply null. */
	public static final int PING = 2;

	/**
	 * Say who the client is: body session id, pid, host, client name; reply whether the
	 * server still had the session (false for a new one, and for one it ended).
	 */
	public static final int HELLO = 3;

	/** Cancel a parked request of this connection: body its request id; reply null. */
	public static final int CANCEL = 4;

	/**
	 * Acknowledge an {@link io.sharedstate.engine.Acknowledged} reply: body its request
	 * id. Sent one-way (request id 0): no reply.
	 */
	public static final int ACK = 5;

	/**
	 * Decline an acknowledged reply, which the server then gives back: body its request
	 * id. One-way.
	 */
	public static final int NACK = 6;

	/** Describe every object: no body; reply a list of ObjectInfo. */
	public static final int INSPECT_OBJECTS = 7;

	/** Describe one object: body name, preview limit; reply an ObjectInfo or null. */
	public static final int INSPECT_OBJECT = 8;

	/** Describe the connected clients: no body; reply a list of ClientInfo. */
	public static final int INSPECT_CLIENTS = 9;

	/** Destroy a named object: body name; reply whether it existed. */
	public static final int DESTROY = 10;

	/** The first code available to object operations. */
	public static final int FIRST_OBJECT_OP = 100;

	/**
	 * Returns the wire code of an object operation: its position in its type's
	 * operations, after {@link #FIRST_OBJECT_OP}.
	 * @param operation the operation
	 * @return the code
	 */
	public static int code(io.sharedstate.model.Operation operation) {
		return FIRST_OBJECT_OP + operation.ordinal();
	}

	private Ops() {
	}

}
