package io.sharedstate.python;

import java.util.concurrent.TimeUnit;

import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.process.Children;

/**
 * A Java worker in a child JVM: increments the counter Python's lock worker increments,
 * under the same lock. Args: host:port, count.
 */
final class JavaLockWorker {

	private JavaLockWorker() {
	}

	public static void main(String[] args) throws InterruptedException {
		int count = Integer.parseInt(args[1]);
		try (SharedState manager = Children.connect(args[0])) {
			SharedLock lock = manager.lock("counter-lock");
			SharedDict<String, Long> counter = manager.dict("counter");
			System.out.println("READY");
			manager.event("start").await(60, TimeUnit.SECONDS);
			for (int i = 0; i < count; i++) {
				lock.lock();
				try {
					counter.put("count", counter.get("count") + 1);
				}
				finally {
					lock.unlock();
				}
			}
		}
		System.out.println("done");
	}

}
