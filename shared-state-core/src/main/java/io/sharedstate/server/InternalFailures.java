package io.sharedstate.server;

import java.util.Objects;

import io.sharedstate.host.CallRecord;

/**
 * Keeps the server's inner workings out of error replies: a cast, null or index failure
 * raised by the server's own code (arguments of the wrong type or number) becomes a plain
 * message about the request. The same failures raised by a user's function or custom
 * object go back as they are, with that code's stack.
 */
final class InternalFailures {

	private InternalFailures() {
	}

	static RuntimeException hide(RuntimeException failure, CallRecord call) {
		StackTraceElement[] frames = failure.getStackTrace();
		if (frames.length > 0 && !isOwnCode(frames[0].getClassName())) {
			return failure;
		}
		return new IllegalArgumentException(
				"Malformed request: " + call.operation() + " on " + call.target() + " got arguments it cannot use");
	}

	/**
	 * Whether a class is one of this library's, not user code in a package of the same
	 * name.
	 */
	private static boolean isOwnCode(String className) {
		if (!className.startsWith("io.sharedstate.")) {
			return false;
		}
		try {
			Class<?> type = Class.forName(className, false, InternalFailures.class.getClassLoader());
			return Objects.equals(type.getProtectionDomain().getCodeSource(),
					InternalFailures.class.getProtectionDomain().getCodeSource());
		}
		catch (ClassNotFoundException | SecurityException ex) {
			return false;
		}
	}

}
