package io.sharedstate.python;

import io.sharedstate.value.SharedCounter;

/**
 * A {@link SharedCounter} for Python: {@code get} and {@code set} (so {@code ValueProxy}
 * works) and the atomic {@code increment_and_get}, {@code add_and_get} and
 * {@code compare_and_set}, which an {@code AutoProxy} offers.
 */
final class CounterMethods extends PythonMethods {

	static final CounterMethods INSTANCE = new CounterMethods();

	private CounterMethods() {
		super(null, "get", "set", "increment_and_get", "add_and_get", "compare_and_set");
	}

	@Override
	Object call(MethodCall call) {
		SharedCounter counter = call.object(SharedCounter.class);
		Args args = call.args();
		switch (call.method()) {
			case "get" -> {
				args.accept();
				return counter.get();
			}
			case "set" -> {
				counter.set(number(args.accept("value").get(0, "value")));
				return null;
			}
			case "increment_and_get" -> {
				args.accept();
				return counter.incrementAndGet();
			}
			case "add_and_get" -> {
				return counter.addAndGet(number(args.accept("delta").get(0, "delta")));
			}
			case "compare_and_set" -> {
				args.accept("expected", "value");
				return counter.compareAndSet(number(args.get(0, "expected")), number(args.get(1, "value")));
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	private static long number(Object value) {
		return PythonValues.index(value, "a counter holds an int, not " + PythonValues.typeName(value));
	}

	@Override
	Object value(MethodCall call) {
		return call.object(SharedCounter.class).get();
	}

	@Override
	String repr(MethodCall call) {
		SharedCounter counter = call.object(SharedCounter.class);
		return "<shared counter '" + counter.name() + "': " + counter.get() + ">";
	}

}
