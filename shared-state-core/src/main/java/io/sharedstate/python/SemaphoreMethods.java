package io.sharedstate.python;

import java.util.concurrent.TimeUnit;

import io.sharedstate.semaphore.SharedSemaphore;

/**
 * {@code AcquirerProxy} on a {@link SharedSemaphore}, for {@code Semaphore} and
 * {@code BoundedSemaphore}.
 */
final class SemaphoreMethods extends PythonMethods {

	static final SemaphoreMethods INSTANCE = new SemaphoreMethods();

	private SemaphoreMethods() {
		super("AcquirerProxy", "acquire", "release", "locked");
	}

	@Override
	Object call(MethodCall call) throws InterruptedException {
		SharedSemaphore semaphore = call.object(SharedSemaphore.class);
		Args args = call.args();
		switch (call.method()) {
			case "acquire" -> {
				args.accept("blocking", "timeout");
				boolean blocking = args.flag(0, "blocking", true);
				Object timeout = args.get(1, "timeout", null);
				if (!blocking && timeout != null) {
					throw PythonException.valueError("can't specify timeout for non-blocking acquire");
				}
				if (!blocking) {
					return semaphore.tryAcquire();
				}
				long nanos = PythonValues.timeoutNanos(timeout);
				return call.waiting(() -> {
					if (nanos < 0) {
						semaphore.acquire();
						return true;
					}
					return semaphore.tryAcquire(nanos, TimeUnit.NANOSECONDS);
				});
			}
			case "release" -> {
				args.accept("n");
				int permits = PythonValues.intValue(args.get(0, "n", 1L));
				if (permits < 1) {
					throw PythonException.valueError("n must be one or more");
				}
				try {
					semaphore.release(permits);
				}
				catch (IllegalStateException ex) {
					throw PythonException.valueError("Semaphore released too many times");
				}
				return null;
			}
			case "locked" -> {
				args.accept();
				return semaphore.availablePermits() == 0;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	@Override
	String repr(MethodCall call) {
		SharedSemaphore semaphore = call.object(SharedSemaphore.class);
		return "<shared " + semaphore.type() + " '" + semaphore.name() + "': value=" + semaphore.availablePermits()
				+ ">";
	}

}
