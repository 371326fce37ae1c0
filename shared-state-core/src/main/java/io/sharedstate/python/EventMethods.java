package io.sharedstate.python;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sharedstate.event.SharedEvent;

/**
 * {@code EventProxy} on a {@link SharedEvent}.
 */
final class EventMethods implements PythonMethods {

	static final EventMethods INSTANCE = new EventMethods();

	private static final List<String> EXPOSED = List.of("is_set", "set", "clear", "wait");

	@Override
	public List<String> exposed() {
		return EXPOSED;
	}

	@Override
	public String proxyClass() {
		return "EventProxy";
	}

	@Override
	public Object call(MethodCall call) throws InterruptedException {
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
	public Object value(MethodCall call) {
		throw new Unserializable("an event cannot be copied to Python");
	}

	@Override
	public String repr(MethodCall call) {
		SharedEvent event = call.object(SharedEvent.class);
		return "<shared event '" + event.name() + "': " + (event.isSet() ? "set" : "unset") + ">";
	}

}
