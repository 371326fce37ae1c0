package io.sharedstate.python;

import java.util.concurrent.TimeUnit;

import io.sharedstate.queue.SharedJoinableQueue;
import io.sharedstate.queue.SharedQueue;

/**
 * The methods of {@code queue.Queue} (which Python's manager serves through an
 * {@code AutoProxy}) on a {@link SharedQueue}. {@code task_done} and {@code join} need a
 * {@link SharedJoinableQueue}: every queue a Python client creates is one, as
 * {@code queue.Queue} counts tasks too.
 */
final class QueueMethods extends PythonMethods {

	static final QueueMethods INSTANCE = new QueueMethods();

	private QueueMethods() {
		super(null, "empty", "full", "get", "get_nowait", "join", "put", "put_nowait", "qsize", "task_done");
	}

	@Override
	@SuppressWarnings("unchecked")
	Object call(MethodCall call) throws InterruptedException {
		SharedQueue<Object> queue = call.object(SharedQueue.class);
		Args args = call.args();
		switch (call.method()) {
			case "put" -> {
				args.accept("item", "block", "timeout");
				put(call, queue, args.get(0, "item"), args.flag(1, "block", true), args.get(2, "timeout", null));
				return null;
			}
			case "put_nowait" -> {
				put(call, queue, args.accept("item").get(0, "item"), false, null);
				return null;
			}
			case "get" -> {
				args.accept("block", "timeout");
				return get(call, queue, args.flag(0, "block", true), args.get(1, "timeout", null));
			}
			case "get_nowait" -> {
				args.accept();
				return get(call, queue, false, null);
			}
			case "qsize" -> {
				args.accept();
				return queue.size();
			}
			case "empty" -> {
				args.accept();
				return queue.isEmpty();
			}
			case "full" -> {
				args.accept();
				return queue.remainingCapacity() == 0;
			}
			case "task_done" -> {
				args.accept();
				try {
					joinable(queue).taskDone();
				}
				catch (IllegalStateException ex) {
					throw PythonException.valueError("task_done() called too many times");
				}
				return null;
			}
			case "join" -> {
				args.accept();
				SharedJoinableQueue<Object> joinable = joinable(queue);
				call.waiting(() -> {
					joinable.join();
					return null;
				});
				return null;
			}
			default -> throw new IllegalStateException(call.method());
		}
	}

	private static void put(MethodCall call, SharedQueue<Object> queue, Object item, boolean block, Object timeout)
			throws InterruptedException {
		Object stored = PythonValues.nonNull(item);
		if (!block) {
			if (!queue.offer(stored)) {
				throw PythonException.full();
			}
			return;
		}
		long nanos = PythonValues.timeoutNanos(timeout);
		boolean added = call.waiting(() -> {
			if (nanos < 0) {
				queue.put(stored);
				return true;
			}
			return queue.offer(stored, nanos, TimeUnit.NANOSECONDS);
		});
		if (!added) {
			throw PythonException.full();
		}
	}

	private static Object get(MethodCall call, SharedQueue<Object> queue, boolean block, Object timeout)
			throws InterruptedException {
		Object item;
		if (!block) {
			item = queue.poll();
		}
		else {
			long nanos = PythonValues.timeoutNanos(timeout);
			item = call.waiting(() -> (nanos < 0) ? queue.take() : queue.poll(nanos, TimeUnit.NANOSECONDS));
		}
		if (item == null) {
			throw PythonException.empty();
		}
		return PythonValues.loaded(item);
	}

	private static SharedJoinableQueue<Object> joinable(SharedQueue<Object> queue) {
		if (queue instanceof SharedJoinableQueue<Object> joinable) {
			return joinable;
		}
		throw PythonException.attributeError("queue '" + queue.name() + "' does not count tasks: it is a Java "
				+ "queue(name), not a joinableQueue(name); use the typeid shared_joinable_queue for task_done and join");
	}

	@Override
	Object value(MethodCall call) {
		throw new Unserializable("a queue cannot be copied to Python; take its items with get()");
	}

	@Override
	String repr(MethodCall call) {
		SharedQueue<?> queue = call.object(SharedQueue.class);
		return "<shared queue '" + queue.name() + "' with " + queue.size() + " items>";
	}

}
