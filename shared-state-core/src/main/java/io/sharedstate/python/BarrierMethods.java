package io.sharedstate.python;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.barrier.SharedBarrier;

/**
 * {@code BarrierProxy} on a {@link SharedBarrier}. Python numbers arrivals from 0 for the
 * first, Java from {@code parties - 1}; {@code wait} returns Python's number. A timeout
 * breaks the barrier, as in Python, and raises {@code BrokenBarrierError}.
 */
final class BarrierMethods implements PythonMethods {

	static final BarrierMethods INSTANCE = new BarrierMethods();

	private static final List<String> EXPOSED = List.of("__getattribute__", "wait", "abort", "reset");

	@Override
	public List<String> exposed() {
		return EXPOSED;
	}

	@Override
	public String proxyClass() {
		return "BarrierProxy";
	}

	@Override
	public Object call(MethodCall call) throws InterruptedException {
		SharedBarrier barrier = call.object(SharedBarrier.class);
		Args args = call.args();
		switch (call.method()) {
			case "wait" -> {
				args.accept("timeout");
				Object timeout = args.get(0, "timeout", null);
				long nanos = PythonValues.timeoutNanos((timeout != null) ? timeout : call.referent().detail());
				int javaIndex = call.waiting(() -> {
					try {
						return (nanos < 0) ? barrier.await() : barrier.await(nanos, TimeUnit.NANOSECONDS);
					}
					catch (BrokenBarrierException | TimeoutException ex) {
						throw PythonException.brokenBarrier();
					}
				});
				return (long) (barrier.parties() - 1 - javaIndex);
			}
			case "abort" -> {
				args.accept();
				barrier.abort();
				return null;
			}
			case "reset" -> {
				args.accept();
				barrier.reset();
				return null;
			}
			case "__getattribute__" -> {
				Object name = args.accept("name").get(0, "name");
				if ("parties".equals(name)) {
					return barrier.parties();
				}
				if ("n_waiting".equals(name)) {
					return barrier.numberWaiting();
				}
				if ("broken".equals(name)) {
					return barrier.isBroken();
				}
				throw PythonException.attributeError("'Barrier' object has no attribute " + PythonRepr.of(name));
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	@Override
	public Object value(MethodCall call) {
		throw new Unserializable("a barrier cannot be copied to Python");
	}

	@Override
	public String repr(MethodCall call) {
		SharedBarrier barrier = call.object(SharedBarrier.class);
		return "<shared barrier '" + barrier.name() + "': waiters=" + barrier.numberWaiting() + "/" + barrier.parties()
				+ ">";
	}

}
