package io.sharedstate.python;

import java.util.concurrent.TimeUnit;

import io.sharedstate.event.SharedEvent;

/**
 * {@code EventProxy} on a {@link SharedEvent}.
 */
final class EventMethods extends PythonMethods {

	static final EventMethods INSTANCE = new EventMethods();

	private EventMethods() {
		super("EventProxy", "is_set", "set", "clear", "wait");
	}

	@Override
	Object call(MethodCall call) throws InterruptedException {
		SharedEvent event = call.object(SharedEvent.class);
		Args args = call.args();
		switch (call.method()) {
			case "is_set" -> {
				args.accept();
				return event.isSet();
			}
			case "set" -> {
				args.accept();
				event.set();
				return null;
			}
			case "clear" -> {
				args.accept();
				event.clear();
				return null;
			}
			case "wait" -> {
				long nanos = PythonValues.timeoutNanos(args.accept("timeout").get(0, "timeout", null));
				return call.waiting(() -> {
					if (nanos < 0) {
						event.await();
						return true;
					}
					return event.await(nanos, TimeUnit.NANOSECONDS);
				});
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	@Override
	String repr(MethodCall call) {
		SharedEvent event = call.object(SharedEvent.class);
		return "<shared event '" + event.name() + "': " + (event.isSet() ? "set" : "unset") + ">";
	}

}
