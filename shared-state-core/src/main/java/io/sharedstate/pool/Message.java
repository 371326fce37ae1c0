package io.sharedstate.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.sharedstate.api.SharedStateException;

/**
 * What a pool's creator and its workers tell each other through shared queues of
 * {@code byte[]}: plain bytes, so the manager stores them without decoding, whatever
 * classes the tasks use. Task payloads and results inside are Java-serialized by
 * {@link Payloads}.
 *
 * <pre>
 * worker to creator:  HELLO worker pid host joined | READY worker | INIT_FAILED worker error
 *                     DONE worker task success body nanos retiring
 * creator to worker:  WELCOME initializer maxTasks | RUN (task payload)... | STOP
 * creator to itself:  GONE worker generation exitCode
 * </pre>
 *
 * A worker sends each DONE before it takes its next task, and the creator reports a
 * worker's exit through its own queue, behind everything the worker sent: so when the
 * creator reads a GONE, it knows which task the worker was running.
 */
sealed interface Message {

	byte HELLO = 1;

	byte WELCOME = 2;

	byte READY = 3;

	byte INIT_FAILED = 4;

	byte RUN = 5;

	byte DONE = 6;

	byte STOP = 7;

	byte GONE = 8;

	/**
	 * A worker connected and waits for the pool's settings.
	 *
	 * @param worker its id
	 * @param pid its process id
	 * @param host its host name
	 * @param joined whether it joined (rather than being started by the pool)
	 */
	record Hello(String worker, long pid, String host, boolean joined) implements Message {

	}

	/**
	 * The pool's settings for a worker that said hello.
	 *
	 * @param initializer the serialized initializer, empty for none
	 * @param maxTasks how many tasks it runs before leaving, 0 for no limit
	 */
	record Welcome(byte[] initializer, int maxTasks) implements Message {

	}

	/**
	 * A worker ran the initializer and takes tasks.
	 *
	 * @param worker its id
	 */
	record Ready(String worker) implements Message {

	}

	/**
	 * The initializer threw in a worker, which leaves.
	 *
	 * @param worker its id
	 * @param error the serialized {@link TaskError}
	 */
	record InitFailed(String worker, byte[] error) implements Message {

	}

	/**
	 * Tasks for a worker, to run in order.
	 *
	 * @param jobs the tasks
	 */
	record Run(List<Job> jobs) implements Message {

	}

	/**
	 * One task of a {@link Run}.
	 *
	 * @param task the task's id
	 * @param payload the serialized {@link PoolTask}
	 */
	record Job(long task, byte[] payload) {

	}

	/**
	 * A task finished on a worker.
	 *
	 * @param worker the worker's id
	 * @param task the task's id
	 * @param success whether it returned a result
	 * @param body the serialized result, or the serialized {@link TaskError}
	 * @param nanos how long it ran
	 * @param retiring whether the worker leaves now, having run its most tasks
	 */
	record Done(String worker, long task, boolean success, byte[] body, long nanos,
			boolean retiring) implements Message {

	}

	/**
	 * The worker should leave: the pool shuts down.
	 */
	record Stop() implements Message {

	}

	/**
	 * A worker exited or left, as its creator learnt.
	 *
	 * @param worker its id
	 * @param generation which start of a started worker's slot it was
	 * @param exitCode its exit status, or -1 when not known
	 */
	record Gone(String worker, int generation, int exitCode) implements Message {

	}

	static byte[] encode(Message message) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			if (message instanceof Hello hello) {
				out.writeByte(HELLO);
				out.writeUTF(hello.worker());
				out.writeLong(hello.pid());
				out.writeUTF(hello.host());
				out.writeBoolean(hello.joined());
			}
			else if (message instanceof Welcome welcome) {
				out.writeByte(WELCOME);
				writeBytes(out, welcome.initializer());
				out.writeInt(welcome.maxTasks());
			}
			else if (message instanceof Ready ready) {
				out.writeByte(READY);
				out.writeUTF(ready.worker());
			}
			else if (message instanceof InitFailed failed) {
				out.writeByte(INIT_FAILED);
				out.writeUTF(failed.worker());
				writeBytes(out, failed.error());
			}
			else if (message instanceof Run run) {
				out.writeByte(RUN);
				out.writeInt(run.jobs().size());
				for (Job job : run.jobs()) {
					out.writeLong(job.task());
					writeBytes(out, job.payload());
				}
			}
			else if (message instanceof Done done) {
				out.writeByte(DONE);
				out.writeUTF(done.worker());
				out.writeLong(done.task());
				out.writeBoolean(done.success());
				writeBytes(out, done.body());
				out.writeLong(done.nanos());
				out.writeBoolean(done.retiring());
			}
			else if (message instanceof Gone gone) {
				out.writeByte(GONE);
				out.writeUTF(gone.worker());
				out.writeInt(gone.generation());
				out.writeInt(gone.exitCode());
			}
			else {
				out.writeByte(STOP);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static Message decode(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			byte type = in.readByte();
			return switch (type) {
				case HELLO -> new Hello(in.readUTF(), in.readLong(), in.readUTF(), in.readBoolean());
				case WELCOME -> new Welcome(readBytes(in), in.readInt());
				case READY -> new Ready(in.readUTF());
				case INIT_FAILED -> new InitFailed(in.readUTF(), readBytes(in));
				case RUN -> new Run(readJobs(in));
				case DONE -> new Done(in.readUTF(), in.readLong(), in.readBoolean(), readBytes(in), in.readLong(),
						in.readBoolean());
				case STOP -> new Stop();
				case GONE -> new Gone(in.readUTF(), in.readInt(), in.readInt());
				default -> throw new SharedStateException("Not a pool message: type " + type);
			};
		}
		catch (IOException ex) {
			throw new SharedStateException("Not a pool message: " + ex, ex);
		}
	}

	private static List<Job> readJobs(DataInputStream in) throws IOException {
		int count = in.readInt();
		List<Job> jobs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			jobs.add(new Job(in.readLong(), readBytes(in)));
		}
		return jobs;
	}

	private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static byte[] readBytes(DataInputStream in) throws IOException {
		byte[] bytes = new byte[in.readInt()];
		in.readFully(bytes);
		return bytes;
	}

}
