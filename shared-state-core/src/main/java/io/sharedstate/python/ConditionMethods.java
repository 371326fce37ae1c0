package io.sharedstate.python;

import java.util.concurrent.TimeUnit;

import io.sharedstate.lock.SharedCondition;

/**
 * {@code ConditionProxy} on a {@link SharedCondition}: {@code acquire}, {@code release}
 * and {@code locked} go to its lock; {@code wait_for} runs in the Python client over
 * {@code wait}.
 */
final class ConditionMethods extends PythonMethods {

	static final ConditionMethods INSTANCE = new ConditionMethods();

	private ConditionMethods() {
		super("ConditionProxy", "acquire", "release", "locked", "wait", "notify", "notify_all");
	}

	@Override
	Object call(MethodCall call) throws InterruptedException {
		SharedCondition condition = call.object(SharedCondition.class);
		Args args = call.args();
		switch (call.method()) {
			case "acquire", "release", "locked" -> {
				return LockMethods.call(call, condition.lock());
			}
			case "wait" -> {
				long nanos = PythonValues.timeoutNanos(args.accept("timeout").get(0, "timeout", null));
				checkHeld(condition, "wait");
				return call.waiting(() -> {
					if (nanos < 0) {
						condition.await();
						return true;
					}
					return condition.await(nanos, TimeUnit.NANOSECONDS);
				});
			}
			case "notify" -> {
				int count = PythonValues.intValue(args.accept("n").get(0, "n", 1L));
				checkHeld(condition, "notify");
				for (int i = 0; i < count; i++) {
					condition.signal();
				}
				return null;
			}
			case "notify_all" -> {
				args.accept();
				checkHeld(condition, "notify");
				condition.signalAll();
				return null;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	private static void checkHeld(SharedCondition condition, String what) {
		if (!condition.lock().isHeldByCurrentThread()) {
			throw PythonException.runtimeError("cannot " + what + " on un-acquired lock");
		}
	}

	@Override
	String repr(MethodCall call) {
		SharedCondition condition = call.object(SharedCondition.class);
		return "<shared condition '" + condition.name() + "' of lock '" + condition.lock().name() + "'>";
	}

}
