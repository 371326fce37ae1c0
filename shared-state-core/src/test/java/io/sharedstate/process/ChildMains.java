package io.sharedstate.process;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;

import io.sharedstate.server.ServerOptions;
import io.sharedstate.SharedState;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.list.SharedList;
import io.sharedstate.value.SharedCounter;

/**
 * The programs child JVMs run in the cross-process tests. Each prints {@code key=value}
 * lines the parent reads, and exits 0 on success.
 */
final class ChildMains {

	private ChildMains() {
	}

	/** Updates a dict, a list and a namespace. Args: host:port. */
	static final class UpdateObjects {

		public static void main(String[] args) {
			long pid = ProcessHandle.current().pid();
			try (SharedState manager = Children.connect(args[0])) {
				manager.<String, Long>dict("results").put("child", pid);
				manager.<String>list("log").add("written by " + pid);
				manager.namespace("status").set("phase", "done");
			}
			System.out.println("pid=" + pid);
		}

	}

	/**
	 * Appends to a shared list nested in a dict, and tries to change a plain nested list.
	 */
	static final class AppendNested {

		@SuppressWarnings("unchecked")
		public static void main(String[] args) {
			try (SharedState manager = Children.connect(args[0])) {
				SharedDict<String, Object> dict = manager.dict("nested");
				SharedList<String> items = (SharedList<String>) dict.get("items");
				items.add("appended by child");
				List<String> plain = (List<String>) dict.get("plain");
				try {
					plain.add("lost");
					System.out.println("refused=no");
				}
				catch (UnsupportedOperationException ex) {
					System.out.println("refused=" + ex.getMessage());
				}
			}
		}

	}

	/** Merges increments into a shared dict. Args: host:port, count. */
	static final class MergeIncrements {

		public static void main(String[] args) {
			int count = Integer.parseInt(args[1]);
			try (SharedState manager = Children.connect(args[0])) {
				SharedDict<String, Long> counts = manager.dict("counts");
				for (int i = 0; i < count; i++) {
					counts.merge("hits", 1L, Long::sum);
				}
			}
			System.out.println("merged=" + count);
		}

	}

	/**
	 * Claims tasks from a shared counter until none are left and records its pid per
	 * task.
	 */
	static final class PoolWorker {

		public static void main(String[] args) throws InterruptedException {
			int tasks = Integer.parseInt(args[1]);
			long pid = ProcessHandle.current().pid();
			int done = 0;
			try (SharedState manager = Children.connect(args[0])) {
				SharedCounter next = manager.counter("next-task");
				SharedDict<Integer, Long> pids = manager.dict("task-pids");
				for (long task = next.getAndIncrement(); task < tasks; task = next.getAndIncrement()) {
					pids.put((int) task, pid);
					done++;
					Thread.sleep(20); // a task takes a little time, so both workers get
										// some
				}
			}
			System.out.println("done=" + done);
		}

	}

	/**
	 * Uses a dict proxy received, Java-serialized, as its argument. Args: base64 proxy.
	 */
	static final class UseProxyArgument {

		@SuppressWarnings("unchecked")
		public static void main(String[] args) throws Exception {
			byte[] bytes = Base64.getDecoder().decode(args[0]);
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
				SharedDict<String, Long> dict = (SharedDict<String, Long>) in.readObject();
				dict.put("from-child", ProcessHandle.current().pid());
				System.out.println("size=" + dict.size());
			}
		}

	}

	/** Runs a manager server until killed. Args: port (0 for any), authkey. */
	static final class Server {

		public static void main(String[] args) throws InterruptedException {
			ServerOptions options = ServerOptions.create(args[1])
				.withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])))
				.withAllowedPackages("io.sharedstate");
			SharedState server = SharedState.serve(options);
			System.out.println("READY " + Children.hostPort(server.address()));
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
