package io.sharedstate.api;

/**
 * Whether a manager can reach its objects, and if not, why.
 *
 * @param status the status
 * @param detail what happened last, for logs and health; {@code null} when connected
 */
public record ConnectionState(Status status, String detail) {

	/** Connected, or hosting the objects itself. */
	public static final ConnectionState CONNECTED = new ConnectionState(Status.CONNECTED, null);

	/**
	 * The states.
	 */
	public enum Status {

		/** The objects are reachable. */
		CONNECTED,

		/** No server answers; the client keeps retrying in the background. */
		UNREACHABLE,

		/**
		 * The server refused the authkey: a configuration error, not retried until the
		 * application reconnects.
		 */
		AUTHENTICATION_REJECTED,

		/** The manager was closed. */
		CLOSED

	}

}
