package io.sharedstate.api;

import java.io.Serial;

/**
 * What an exception thrown on the manager server looks like on the caller: attached as
 * the cause of the exception the caller gets, it carries the server-side exception's
 * class name, message and stack trace, and its own cause chain. The class itself is not
 * recreated, so this works for exception types the caller does not have.
 *
 * <pre>
 * java.lang.IllegalArgumentException: no cell (12, 3)
 *     at ... (the caller's stack)
 * Caused by: io.sharedstate.api.RemoteCause: java.lang.IllegalArgumentException: no cell (12, 3)
 *     at com.example.MatrixImpl.set(MatrixImpl.java:31)   (the server's stack)
 * </pre>
 */
public final class RemoteCause extends Exception {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String remoteClassName;

	private final String remoteMessage;

	/**
	 * Creates the cause of a failure reported by the server.
	 * @param remoteClassName the server-side exception's class name
	 * @param remoteMessage its message, may be {@code null}
	 * @param stackTrace its stack trace on the server
	 * @param cause its own cause, or {@code null}
	 */
	public RemoteCause(String remoteClassName, String remoteMessage, StackTraceElement[] stackTrace,
			RemoteCause cause) {
		super((remoteMessage != null) ? remoteClassName + ": " + remoteMessage : remoteClassName, cause, false, true);
		this.remoteClassName = remoteClassName;
		this.remoteMessage = remoteMessage;
		setStackTrace(stackTrace);
	}

	/**
	 * Returns the class name of the exception thrown on the server.
	 * @return the class name
	 */
	public String remoteClassName() {
		return this.remoteClassName;
	}

	/**
	 * Returns the message of the exception thrown on the server.
	 * @return the message, or {@code null}
	 */
	public String remoteMessage() {
		return this.remoteMessage;
	}

	/**
	 * Keeps the server's stack trace: the caller's is on the exception this is the cause
	 * of.
	 * @return this
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
