package io.sharedstate.protocol;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.api.ClassNotAllowedException;
import io.sharedstate.api.MissingClassException;
import io.sharedstate.api.ObjectDestroyedException;
import io.sharedstate.api.RemoteCause;
import io.sharedstate.api.RemoteFunctionException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedTypeMismatchException;
import io.sharedstate.lock.LockLostException;
import io.sharedstate.snapshot.LostUpdateException;

/**
 * Carries a failure from the server to the caller: the exception's class name and message
 * travel, and the caller gets the same JDK or shared-state exception type back, so a
 * remote dict throws what a {@link java.util.concurrent.ConcurrentHashMap} would. Other
 * types arrive as {@link RemoteFunctionException}. Either way the server-side exception
 * comes along as the cause, a {@link RemoteCause} with its class, message, stack trace
 * and cause chain (bounded, so a deep recursion cannot make the reply huge).
 *
 * <pre>
 * body: class message frames cause
 *   class, message  strings (message may be null)
 *   frames          varint count, then per frame: class, method, file (may be null), varint line
 *   cause           byte 0 none | 1 followed by class message frames cause of the cause
 * </pre>
 */
public final class ErrorReplies {

	private static final Map<String, Function<String, RuntimeException>> KNOWN = Map.ofEntries(
			Map.entry(IllegalArgumentException.class.getName(), IllegalArgumentException::new),
			Map.entry(IllegalStateException.class.getName(), IllegalStateException::new),
			Map.entry(NullPointerException.class.getName(), NullPointerException::new),
			Map.entry(UnsupportedOperationException.class.getName(), UnsupportedOperationException::new),
			Map.entry(ClassCastException.class.getName(), ClassCastException::new),
			Map.entry(ArithmeticException.class.getName(), ArithmeticException::new),
			Map.entry(IndexOutOfBoundsException.class.getName(), IndexOutOfBoundsException::new),
			Map.entry(ArrayIndexOutOfBoundsException.class.getName(), IndexOutOfBoundsException::new),
			Map.entry(StringIndexOutOfBoundsException.class.getName(), IndexOutOfBoundsException::new),
			Map.entry(NoSuchElementException.class.getName(), NoSuchElementException::new),
			Map.entry(ConcurrentModificationException.class.getName(), ConcurrentModificationException::new),
			Map.entry(CancellationException.class.getName(), CancellationException::new),
			Map.entry(IllegalMonitorStateException.class.getName(), IllegalMonitorStateException::new),
			Map.entry(LockLostException.class.getName(), LockLostException::new),
			Map.entry(ObjectDestroyedException.class.getName(), ObjectDestroyedException::new),
			Map.entry(LostUpdateException.class.getName(), LostUpdateException::new),
			Map.entry(SharedTypeMismatchException.class.getName(), SharedTypeMismatchException::new),
			Map.entry(ClassNotAllowedException.class.getName(), ClassNotAllowedException::new),
			Map.entry(MissingClassException.class.getName(), MissingClassException::new),
			Map.entry(SharedStateException.class.getName(), SharedStateException::new));

	/**
	 * The most stack frames sent per exception: the top of the stack, where it failed.
	 */
	static final int MAX_FRAMES = 64;

	/** The most exceptions of a cause chain sent. */
	static final int MAX_CAUSES = 8;

	private ErrorReplies() {
	}

	/**
	 * Writes a failure as an error reply body. A checked exception that user code threw
	 * through an {@link UndeclaredThrowableException} is written as itself.
	 * @param output the buffer
	 * @param failure the failure
	 */
	public static void write(Output output, Throwable failure) {
		if (failure instanceof UndeclaredThrowableException undeclared && undeclared.getCause() != null) {
			failure = undeclared.getCause();
		}
		writeThrowable(output, failure, 1);
	}

	private static void writeThrowable(Output output, Throwable failure, int depth) {
		output.writeString(failure.getClass().getName());
		output.writeString(failure.getMessage());
		StackTraceElement[] frames = failure.getStackTrace();
		int count = Math.min(frames.length, MAX_FRAMES);
		output.writeVarInt(count, true);
		for (int i = 0; i < count; i++) {
			output.writeString(frames[i].getClassName());
			output.writeString(frames[i].getMethodName());
			output.writeString(frames[i].getFileName());
			output.writeVarInt(frames[i].getLineNumber(), false);
		}
		Throwable cause = failure.getCause();
		if (cause != null && cause != failure && depth < MAX_CAUSES) {
			output.writeByte(1);
			writeThrowable(output, cause, depth + 1);
		}
		else {
			output.writeByte(0);
		}
	}

	/**
	 * Reads an error reply body into the exception to throw on the caller, with the
	 * server-side exception as its {@link RemoteCause}.
	 * @param input the body
	 * @return the exception
	 */
	public static RuntimeException read(Input input) {
		RemoteCause remote = readRemoteCause(input, 1);
		String type = remote.remoteClassName();
		String message = remote.remoteMessage();
		Function<String, RuntimeException> factory = KNOWN.get(type);
		if (factory != null) {
			RuntimeException failure = factory.apply(message);
			failure.initCause(remote);
			return failure;
		}
		return new RemoteFunctionException(type + " on the manager server: " + message, remote);
	}

	private static RemoteCause readRemoteCause(Input input, int depth) {
		String type = input.readString();
		String message = input.readString();
		int count = input.readVarInt(true);
		if (count > MAX_FRAMES || depth > MAX_CAUSES) {
			throw new SharedStateException("Malformed error reply: " + count + " frames at cause depth " + depth);
		}
		StackTraceElement[] frames = new StackTraceElement[count];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = new StackTraceElement(input.readString(), input.readString(), input.readString(),
					input.readVarInt(false));
		}
		RemoteCause cause = (input.readByte() != 0) ? readRemoteCause(input, depth + 1) : null;
		return new RemoteCause(type, message, frames, cause);
	}

}
