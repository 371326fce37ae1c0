package io.sharedstate.benchmarks;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.client.ClientOptions;
import io.sharedstate.SharedState;
import io.sharedstate.codec.ClassAllowList;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.dict.SharedDict;
import io.sharedstate.protocol.Frames;
import io.sharedstate.lock.SharedLock;
import io.sharedstate.queue.SharedQueue;
import io.sharedstate.value.SharedCounter;

/**
 * Throughput of one client thread against a manager server in a child JVM on loopback,
 * compared with the physical limit: a raw blocking-socket ping-pong of the same message
 * sizes. Prints a table; see docs/benchmarks.md.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.sharedstate.benchmarks.Benchmarks
 * </pre>
 *
 * System properties {@code bench.warmup}, {@code bench.seconds} and {@code bench.rounds}
 * change the timing; {@code bench.only}, a regular expression, picks benchmarks by name.
 * The remote benchmarks run interleaved round by round, so that the ratios between them
 * survive changes in the machine's load.
 */
public final class Benchmarks {

	private static final String RAW = "raw TCP ping-pong (blocking sockets)";

	private static final String RAW_TIMED = "raw TCP ping-pong, SO_TIMEOUT set";

	private static final String SYNC_GET = "SharedDict.get, sync";

	private static final String SYNC_PUT = "SharedDict.put, sync";

	private static final int KEYS = 1024;

	private static final String[] keys = new String[KEYS];

	static {
		for (int i = 0; i < KEYS; i++) {
			keys[i] = String.format(Locale.ROOT, "key-%04d", i);
		}
	}

	private final Harness harness;

	private final List<Harness.Task> remoteTasks = new ArrayList<>();

	private final List<Harness.Task> localTasks = new ArrayList<>();

	private Benchmarks(Harness harness) {
		this.harness = harness;
	}

	public static void main(String[] args) throws Exception {
		new Benchmarks(Harness.fromProperties(2, 2, 5)).run();
	}

	private void run() throws Exception {
		long started = System.nanoTime();
		String loadAtStart = ProcStats.loadAverage();
		System.out.printf(Locale.ROOT, "shared-state benchmarks: Java %s (%s), %d CPUs available, affinity %s%n",
				System.getProperty("java.version"), System.getProperty("java.vm.name"),
				Runtime.getRuntime().availableProcessors(), ProcStats.allowedCpus());
		System.out.println(this.harness.describe() + "; one client thread; server in a child JVM on loopback");
		String authkey = UUID.randomUUID().toString();
		Process child = startServer(authkey);
		try {
			BufferedReader childOut = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String ready = childOut.readLine();
			if (ready == null || !ready.startsWith("READY ")) {
				throw new IllegalStateException("The server JVM did not start: " + ready);
			}
			String[] ports = ready.split(" ");
			int echoPort = Integer.parseInt(ports[1]);
			int managerPort = Integer.parseInt(ports[2]);
			long serverPid = child.pid();

			int[] sizes = getMessageSizes();
			System.out.printf(Locale.ROOT, "get request %d bytes, reply %d bytes on the wire (TCP payload)%n", sizes[0],
					sizes[1]);
			System.out.println();
			remote(echoPort, sizes, new InetSocketAddress(InetAddress.getLoopbackAddress(), managerPort), authkey,
					serverPid);
			inProcess();
		}
		finally {
			child.getOutputStream().close();
			if (!child.waitFor(5, TimeUnit.SECONDS)) {
				child.destroy();
			}
		}
		printResults();
		System.out.printf(Locale.ROOT, "%ntotal time %.0f s; load average (1, 5, 15 min) at start %s, at end %s%n",
				(System.nanoTime() - started) / 1e9, loadAtStart, ProcStats.loadAverage());
	}

	private static Process startServer(String authkey) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// The same JVM flags as this one (heap, GC, ...), the same classpath.
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BenchmarkServer.class.getName());
		command.add(authkey);
		Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
		return child;
	}

	/**
	 * Sizes of a dict get request and its reply as our protocol frames them.
	 * @return request and reply size in bytes
	 */
	private static int[] getMessageSizes() {
		ValueCodec codec = new ValueCodec(ClassAllowList.of(List.of()), (type, name, custom) -> null);
		Output output = new Output(256, -1);
		Frames.begin(output, Frames.REQUEST, 1, 100, 1);
		codec.write(output, keys[0]);
		Frames.end(output);
		int request = output.position();
		Frames.begin(output, Frames.REPLY, 1, 0, 0);
		codec.write(output, 1_000_000L);
		Frames.end(output);
		return new int[] { request, output.position() };
	}

	/**
	 * Measures everything that crosses the loopback, interleaved round by round.
	 */
	private void remote(int echoPort, int[] sizes, InetSocketAddress address, String authkey, long serverPid)
			throws Exception {
		try (Socket plain = pingPongSocket(echoPort, sizes, 0);
				Socket timed = pingPongSocket(echoPort, sizes, 30_000);
				SharedState manager = SharedState.connect(ClientOptions.create(address, authkey))) {
			remoteTask(RAW, pingPong(plain, sizes), 64, serverPid, BenchmarkServer.ECHO_THREAD, null);
			remoteTask(RAW_TIMED, pingPong(timed, sizes), 64, serverPid, BenchmarkServer.ECHO_THREAD, null);
			SharedDict<String, Long> dict = manager.dict("bench");
			for (int i = 0; i < KEYS; i++) {
				dict.put(keys[i], 1_000_000L + i);
			}
			String serverThread = "shared-state-connection";
			remoteTask(SYNC_GET, (count) -> {
				long sum = 0;
				for (int i = 0; i < count; i++) {
					sum += dict.get(keys[i & (KEYS - 1)]);
				}
				return sum;
			}, 64, serverPid, serverThread, null);
			remoteTask(SYNC_PUT, (count) -> {
				long sum = 0;
				for (int i = 0; i < count; i++) {
					sum += dict.put(keys[i & (KEYS - 1)], 1_000_000L + i);
				}
				return sum;
			}, 64, serverPid, serverThread, null);
			for (int window : new int[] { 16, 64 }) {
				Pipeline pipeline = new Pipeline(dict, window);
				remoteTask(asyncName(window), pipeline, 256, serverPid, serverThread, pipeline::drain);
			}
			SharedCounter counter = manager.counter("bench-counter");
			remoteTask("SharedCounter.incrementAndGet, sync", (count) -> {
				long sum = 0;
				for (int i = 0; i < count; i++) {
					sum += counter.incrementAndGet();
				}
				return sum;
			}, 64, serverPid, serverThread, null);
			SharedLock lock = manager.lock("bench-lock");
			remoteTask("SharedLock lock+unlock, uncontended", (count) -> {
				for (int i = 0; i < count; i++) {
					lock.lock();
					lock.unlock();
				}
				return count;
			}, 64, serverPid, serverThread, null);
			SharedQueue<Long> queue = manager.queue("bench-queue", 0);
			remoteTask("SharedQueue offer+poll", (count) -> {
				long sum = 0;
				for (int i = 0; i < count; i++) {
					queue.offer((long) i);
					sum += queue.poll();
				}
				return sum;
			}, 64, serverPid, serverThread, null);
			this.harness.measureInterleaved(this.remoteTasks, Benchmarks::warmingUp);
			System.out.println();
			ContendedCounter.measure(address, authkey, 4, manager.counter("bench-contended"));
		}
	}

	/**
	 * Connects to the echo server and tells it the message sizes and the read timeout
	 * both sides use (0: none, plain blocking reads).
	 */
	private static Socket pingPongSocket(int port, int[] sizes, int timeoutMillis) throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		socket.setSoTimeout(timeoutMillis);
		DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
		hello.writeInt(sizes[0]);
		hello.writeInt(sizes[1]);
		hello.writeInt(timeoutMillis);
		hello.flush();
		return socket;
	}

	private static Harness.Workload pingPong(Socket socket, int[] sizes) throws IOException {
		OutputStream out = socket.getOutputStream();
		InputStream in = socket.getInputStream();
		byte[] request = new byte[sizes[0]];
		byte[] reply = new byte[sizes[1]];
		return (count) -> {
			long sum = 0;
			for (int i = 0; i < count; i++) {
				request[0] = (byte) i;
				out.write(request);
				if (!BenchmarkServer.readFully(in, reply)) {
					throw new IOException("echo server closed");
				}
				sum += reply[0];
			}
			return sum;
		};
	}

	private static void warmingUp(String name) {
		System.out.println("  warming up: " + name);
	}

	/**
	 * Whether a benchmark is selected by the {@code bench.only} system property: a
	 * regular expression found in the names of those to run (the raw ping-pong always
	 * runs).
	 */
	private static boolean selected(String name) {
		String only = System.getProperty("bench.only");
		return only == null || name.equals(RAW) || Pattern.compile(only).matcher(name).find();
	}

	private static String asyncName(int window) {
		return "SharedDict.getAsync, " + window + " in flight";
	}

	private void remoteTask(String name, Harness.Workload workload, int batch, long serverPid, String serverThread,
			Runnable afterRound) {
		if (!selected(name)) {
			return;
		}
		SwitchProbe probe = ProcStats.available() ? new SwitchProbe(serverPid, serverThread) : null;
		this.remoteTasks.add(new Harness.Task(name, workload, batch, probe, afterRound));
	}

	/**
	 * Keeps a window of requests in flight: each operation waits for the oldest reply
	 * once the window is full, then sends one more request.
	 */
	private static final class Pipeline implements Harness.Workload {

		private final SharedDict<String, Long> dict;

		private final int window;

		private final ArrayDeque<CompletableFuture<Long>> inFlight;

		private int next;

		Pipeline(SharedDict<String, Long> dict, int window) {
			this.dict = dict;
			this.window = window;
			this.inFlight = new ArrayDeque<>(window);
		}

		@Override
		public long run(int count) {
			long sum = 0;
			for (int i = 0; i < count; i++) {
				while (this.inFlight.size() < this.window) {
					this.inFlight.add(this.dict.getAsync(keys[this.next++ & (KEYS - 1)]));
				}
				sum += this.inFlight.poll().join();
			}
			return sum;
		}

		void drain() {
			while (!this.inFlight.isEmpty()) {
				Harness.sink += this.inFlight.poll().join();
			}
		}

	}

	private void inProcess() throws Exception {
		ConcurrentHashMap<String, Long> map = new ConcurrentHashMap<>();
		for (int i = 0; i < KEYS; i++) {
			map.put(keys[i], 1_000_000L + i);
		}
		if (!selected("ConcurrentHashMap.get, in-process")) {
			return;
		}
		this.localTasks.add(new Harness.Task("ConcurrentHashMap.get, in-process", (count) -> {
			long sum = 0;
			for (int i = 0; i < count; i++) {
				sum += map.get(keys[i & (KEYS - 1)]);
			}
			return sum;
		}, 4096, null, null));
		try (SharedState manager = SharedState.inProcess()) {
			SharedDict<String, Long> dict = manager.dict("bench");
			for (int i = 0; i < KEYS; i++) {
				dict.put(keys[i], 1_000_000L + i);
			}
			this.localTasks.add(new Harness.Task("SharedDict.get, SharedState.inProcess()", (count) -> {
				long sum = 0;
				for (int i = 0; i < count; i++) {
					sum += dict.get(keys[i & (KEYS - 1)]);
				}
				return sum;
			}, 4096, null, null));
			this.harness.measureInterleaved(this.localTasks, Benchmarks::warmingUp);
		}
	}

	private void printResults() {
		Harness.Task raw = find(RAW);
		System.out.println();
		System.out.printf(Locale.ROOT, "%-42s %14s %14s %14s %9s %10s%n", "benchmark", "ops/s (median)", "min", "max",
				"vs raw", "per round");
		for (Harness.Task task : this.remoteTasks) {
			System.out.printf(Locale.ROOT, "%-42s %14s %14s %14s %8.3fx %9.3fx%n", task.name,
					Harness.rate(task.median()), Harness.rate(Harness.min(task.rates)),
					Harness.rate(Harness.max(task.rates)), task.median() / raw.median(),
					Harness.pairedRatio(task, raw));
		}
		for (Harness.Task task : this.localTasks) {
			System.out.printf(Locale.ROOT, "%-42s %14s %14s %14s %8.0fx %10s%n", task.name, Harness.rate(task.median()),
					Harness.rate(Harness.min(task.rates)), Harness.rate(Harness.max(task.rates)),
					task.median() / raw.median(), "");
		}
		System.out.println("(vs raw: ratio of medians; per round: median of the ratios within each round)");
		if (ProcStats.available()) {
			System.out.println();
			System.out.println("context switches per operation (voluntary + nonvoluntary, timed rounds only)");
			System.out.printf(Locale.ROOT, "%-42s %14s %14s %14s %14s%n", "benchmark", "client thread", "client JVM",
					"server thread", "server JVM");
			for (Harness.Task task : this.remoteTasks) {
				SwitchProbe s = (SwitchProbe) task.probe;
				System.out.printf(Locale.ROOT, "%-42s %14.2f %14.2f %14.2f %14.2f%n", task.name,
						s.perOp(s.clientThread), s.perOp(s.clientProcess), s.perOp(s.serverThread),
						s.perOp(s.serverProcess));
			}
			System.out.println("(client thread: the calling thread; server thread: the connection's (or echo) thread;"
					+ " JVM: all threads)");
		}
		System.out.println();
		System.out.println("targets (median of per-round ratios)");
		target("sync get >= 0.95x raw ping-pong", SYNC_GET, RAW, 0.95);
		target("sync put >= 0.95x raw ping-pong", SYNC_PUT, RAW, 0.95);
		target("getAsync (16 in flight) >= 10x sync get", asyncName(16), SYNC_GET, 10);
		target("getAsync (64 in flight) >= 10x sync get", asyncName(64), SYNC_GET, 10);
	}

	private void target(String what, String task, String reference, double wanted) {
		Harness.Task measured = find(task);
		Harness.Task base = find(reference);
		if (measured == null || base == null) {
			return;
		}
		double ratio = Harness.pairedRatio(measured, base);
		System.out.printf(Locale.ROOT, "  %-42s %7.3fx  %s%n", what, ratio, (ratio >= wanted) ? "met" : "MISSED");
	}

	private Harness.Task find(String name) {
		return this.remoteTasks.stream().filter((task) -> task.name.equals(name)).findFirst().orElse(null);
	}

	/**
	 * Adds up, over the timed rounds, the context switches of the calling thread, the
	 * client JVM, the server's connection thread and the server JVM.
	 */
	private static final class SwitchProbe implements Harness.Probe {

		private final long serverPid;

		private final String serverThreadName;

		private final long clientPid = ProcessHandle.current().pid();

		private final long[] start = new long[4];

		long clientThread;

		long clientProcess;

		long serverThread;

		long serverProcess;

		long operations;

		SwitchProbe(long serverPid, String serverThreadName) {
			this.serverPid = serverPid;
			this.serverThreadName = serverThreadName;
		}

		@Override
		public void before() {
			this.start[0] = ProcStats.currentThreadSwitches();
			this.start[1] = ProcStats.processSwitches(this.clientPid);
			this.start[2] = ProcStats.threadSwitches(this.serverPid, this.serverThreadName);
			this.start[3] = ProcStats.processSwitches(this.serverPid);
		}

		@Override
		public void after(long operations) {
			this.clientThread += ProcStats.currentThreadSwitches() - this.start[0];
			this.clientProcess += ProcStats.processSwitches(this.clientPid) - this.start[1];
			this.serverThread += ProcStats.threadSwitches(this.serverPid, this.serverThreadName) - this.start[2];
			this.serverProcess += ProcStats.processSwitches(this.serverPid) - this.start[3];
			this.operations += operations;
		}

		double perOp(long switches) {
			return (double) switches / this.operations;
		}

	}

}
