package io.sharedstate.protocol;

import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.ClassNotAllowedException;
import io.sharedstate.MissingClassException;
import io.sharedstate.RemoteFunctionException;
import io.sharedstate.SharedStateException;
import io.sharedstate.SharedTypeMismatchException;
import io.sharedstate.snapshot.LostUpdateException;

/**
 * Carries a failure from the server to the caller: the exception's class name and message
 * travel, and the caller gets the same JDK or shared-state exception type back, so a
 * remote dict throws what a {@link java.util.concurrent.ConcurrentHashMap} would.
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
			Map.entry(LostUpdateException.class.getName(), LostUpdateException::new),
			Map.entry(SharedTypeMismatchException.class.getName(), SharedTypeMismatchException::new),
			Map.entry(ClassNotAllowedException.class.getName(), ClassNotAllowedException::new),
			Map.entry(MissingClassException.class.getName(), MissingClassException::new),
			Map.entry(SharedStateException.class.getName(), SharedStateException::new));

	private ErrorReplies() {
	}

	/**
	 * Writes a failure as an error reply body.
	 * @param output the buffer
	 * @param failure the failure
	 */
	public static void write(Output output, Throwable failure) {
		output.writeString(failure.getClass().getName());
		output.writeString(failure.getMessage());
	}

	/**
	 * Reads an error reply body into the exception to throw on the caller.
	 * @param input the body
	 * @return the exception
	 */
	public static RuntimeException read(Input input) {
		String type = input.readString();
		String message = input.readString();
		Function<String, RuntimeException> factory = KNOWN.get(type);
		if (factory != null) {
			return factory.apply(message);
		}
		return new RemoteFunctionException(type + " on the manager server: " + message);
	}

}
