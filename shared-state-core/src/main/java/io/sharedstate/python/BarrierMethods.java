package io.sharedstate.python;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sharedstate.barrier.SharedBarrier;

/**
 * {@code BarrierProxy} on a {@link SharedBarrier}. Python numbers arrivals from 0 for the
 * first, Java from {@code parties - 1}; {@code wait} returns Python's number. A timeout
 * breaks the barrier, as in Python, and raises {@code BrokenBarrierError}.
 */
final class BarrierMethods extends PythonMethods {

	static final BarrierMethods INSTANCE = new BarrierMethods();

	private BarrierMethods() {
		super("BarrierProxy", "__getattribute__", "wait", "abort", "reset");
	}

	@Override
	Object call(MethodCall call) throws InterruptedException {
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
	String repr(MethodCall call) {
		SharedBarrier barrier = call.object(SharedBarrier.class);
		return "<shared barrier '" + barrier.name() + "': waiters=" + barrier.numberWaiting() + "/" + barrier.parties()
				+ ">";
	}

}
