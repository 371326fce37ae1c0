package io.sharedstate.pool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker JVMs a pool starts. Each gets the manager's authkey on its standard input,
 * never on its command line or in its environment, and that input then stays open: when
 * this process dies, however it dies, the operating system closes it and the worker halts
 * at once. This process learns of a worker's exit from its process handle, at once too.
 */
final class ChildWorkers {

	/** Learns that a worker JVM exited. */
	interface Exits {

		void exited(Dispatcher.Worker worker, int exitCode);

	}

	private final PoolOptions options;

	private final List<String> arguments;

	private final String authkeyLine;

	private final Map<Dispatcher.Worker, Process> processes = new ConcurrentHashMap<>();

	ChildWorkers(PoolNames names, PoolOptions options, WorkerEndpoint endpoint) {
		this.options = options;
		this.arguments = List.of(PoolWorker.CHILD,
				endpoint.address().getHostString() + ":" + endpoint.address().getPort(), names.pool());
		this.authkeyLine = Base64.getEncoder().encodeToString(endpoint.authkey()) + "\n";
	}

	/**
	 * Starts a worker JVM.
	 * @param worker the worker it is
	 * @param exits told when it exits
	 * @throws IOException if the JVM cannot be started
	 */
	void start(Dispatcher.Worker worker, Exits exits) throws IOException {
		List<String> arguments = new ArrayList<>(this.arguments);
		arguments.add(worker.id);
		arguments.add(String.join(",", this.options.allowedPackages()));
		ProcessBuilder builder = new ProcessBuilder(WorkerCommand.of(this.options, arguments)).redirectErrorStream(true)
			.redirectOutput(this.options.workerOutput());
		Process process = builder.start();
		this.processes.put(worker, process);
		try {
			OutputStream input = process.getOutputStream();
			input.write(this.authkeyLine.getBytes(StandardCharsets.US_ASCII));
			input.flush();
		}
		catch (IOException ex) {
			// It died already; its exit is reported below.
		}
		process.onExit().thenAccept((exited) -> {
			this.processes.remove(worker);
			closeInput(exited);
			exits.exited(worker, exited.exitValue());
		});
	}

	/**
	 * Kills a worker JVM, as {@code kill -9} does.
	 * @param worker the worker
	 */
	void kill(Dispatcher.Worker worker) {
		Process process = this.processes.get(worker);
		if (process != null) {
			process.destroyForcibly();
		}
	}

	/**
	 * Kills every worker JVM still running.
	 */
	void killAll() {
		this.processes.values().forEach(Process::destroyForcibly);
	}

	private static void closeInput(Process process) {
		try {
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
