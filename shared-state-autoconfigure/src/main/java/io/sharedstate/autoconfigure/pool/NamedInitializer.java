package io.sharedstate.autoconfigure.pool;

import java.io.Serial;

import io.sharedstate.function.SerializableRunnable;

/**
 * A pool initializer given by class name, as properties give it: the worker creates the
 * class with its no-argument constructor and runs it, so the class need not be
 * serializable.
 */
final class NamedInitializer implements SerializableRunnable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String className;

	NamedInitializer(String className) {
		this.className = className;
	}

	@Override
	public void run() {
		try {
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			Class<?> type = Class.forName(this.className, true,
					(loader != null) ? loader : NamedInitializer.class.getClassLoader());
			((Runnable) type.getDeclaredConstructor().newInstance()).run();
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			throw new IllegalStateException("Cannot run the pool initializer " + this.className
					+ ": it must be a Runnable with a public no-argument constructor (" + ex + ")", ex);
		}
	}

}
