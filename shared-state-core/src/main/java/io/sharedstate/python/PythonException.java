package io.sharedstate.python;

import java.util.List;

import io.sharedstate.python.pickle.PickleCall;

/**
 * A Python exception to raise in the client that made the call: it travels back as
 * {@code ('#ERROR', exception)}, which Python's proxy raises as it is.
 */
final class PythonException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String module;

	private final String type;

	private final transient List<Object> args;

	private PythonException(String module, String type, String message, List<Object> args) {
		super(type + ": " + message, null, false, false);
		this.module = module;
		this.type = type;
		this.args = args;
	}

	static PythonException of(String module, String type, Object... args) {
		return new PythonException(module, type,
				(args.length == 1) ? String.valueOf(args[0]) : List.of(args).toString(), List.of(args));
	}

	static PythonException builtin(String type, String message) {
		return of("builtins", type, message);
	}

	static PythonException keyError(Object key) {
		return new PythonException("builtins", "KeyError", PythonRepr.of(key),
				java.util.Collections.singletonList(key));
	}

	static PythonException indexError(String message) {
		return builtin("IndexError", message);
	}

	static PythonException valueError(String message) {
		return builtin("ValueError", message);
	}

	static PythonException typeError(String message) {
		return builtin("TypeError", message);
	}

	static PythonException runtimeError(String message) {
		return builtin("RuntimeError", message);
	}

	static PythonException attributeError(String message) {
		return builtin("AttributeError", message);
	}

	static PythonException notImplemented(String message) {
		return builtin("NotImplementedError", message);
	}

	static PythonException stopIteration() {
		return of("builtins", "StopIteration");
	}

	static PythonException empty() {
		return of("queue", "Empty");
	}

	static PythonException full() {
		return of("queue", "Full");
	}

	static PythonException brokenBarrier() {
		return of("threading", "BrokenBarrierError");
	}

	/**
	 * Returns the Python type's name, e.g. {@code KeyError}.
	 * @return the name
	 */
	String type() {
		return this.type;
	}

	/**
	 * Returns what the writer pickles: a call that builds the exception.
	 * @return the call
	 */
	PickleCall toPickle() {
		return new PickleCall(this.module, this.type, this.args, null, false);
	}

}
