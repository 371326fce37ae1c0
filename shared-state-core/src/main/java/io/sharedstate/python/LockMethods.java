package io.sharedstate.python;

import java.util.concurrent.TimeUnit;

import io.sharedstate.lock.SharedLock;

/**
 * {@code AcquirerProxy} on a {@link SharedLock}, for {@code Lock} and {@code RLock}. A
 * lock belongs to the client connection (the Python thread) that acquired it: another one
 * cannot release it, which Python allows for a plain {@code Lock}.
 */
final class LockMethods extends PythonMethods {

	static final LockMethods INSTANCE = new LockMethods();

	private LockMethods() {
		super("AcquirerProxy", "acquire", "release", "locked");
	}

	@Override
	Object call(MethodCall call) throws InterruptedException {
		return call(call, call.object(SharedLock.class));
	}

	/**
	 * Runs {@code acquire}, {@code release} or {@code locked} on a lock.
	 * @param call the call
	 * @param lock the lock
	 * @return the result
	 * @throws InterruptedException if a wait was given up
	 */
	static Object call(MethodCall call, SharedLock lock) throws InterruptedException {
		Args args = call.args();
		switch (call.method()) {
			case "acquire" -> {
				args.accept("blocking", "timeout");
				boolean blocking = args.flag(0, "blocking", true);
				Object timeout = args.get(1, "timeout", null);
				double seconds = (timeout != null) ? PythonValues.number(timeout, "timeout") : -1;
				if (!blocking && seconds != -1) {
					throw PythonException.valueError("can't specify a timeout for a non-blocking call");
				}
				if (seconds < 0 && seconds != -1) {
					throw PythonException.valueError("timeout value must be a non-negative number");
				}
				if (!blocking) {
					return lock.tryLock();
				}
				if (seconds == -1) {
					return call.waiting(() -> {
						lock.lockInterruptibly();
						return true;
					});
				}
				long nanos = (long) Math.min(Long.MAX_VALUE / 2, seconds * 1e9);
				return call.waiting(() -> lock.tryLock(nanos, TimeUnit.NANOSECONDS));
			}
			case "release" -> {
				args.accept();
				try {
					lock.unlock();
				}
				catch (IllegalMonitorStateException ex) {
					if (!lock.isLocked()) {
						throw PythonException.runtimeError((lock.type() == io.sharedstate.api.SharedType.RLOCK)
								? "cannot release un-acquired lock" : "release unlocked lock");
					}
					throw PythonException.runtimeError("cannot release a lock another thread or process holds: "
							+ "a shared lock is released by the thread that acquired it");
				}
				return null;
			}
			case "locked" -> {
				args.accept();
				return lock.isLocked();
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	@Override
	String repr(MethodCall call) {
		SharedLock lock = call.object(SharedLock.class);
		return "<" + (lock.isLocked() ? "locked" : "unlocked") + " shared " + lock.type() + " '" + lock.name() + "'>";
	}

}
