package io.sharedstate.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.codec.ValueCodec;
import io.sharedstate.protocol.Frames;

/**
 * Encodes requests and writes them to the socket. While replies to asynchronous requests
 * are due, new asynchronous requests are gathered and written in one go by the thread
 * that reads those replies; anything else is written at once by its caller.
 */
final class RequestWriter {

	private static final ThreadLocal<Output> BUFFERS = ThreadLocal.withInitial(() -> new Output(1024, -1));

	private final OutputStream out;

	private final ValueCodec codec;

	private final int maxFrameBytes;

	private final ReentrantLock lock = new ReentrantLock();

	/** Requests gathered for one write; guarded by the lock. */
	private final Output gathered = new Output(4096, -1);

	/** Asynchronous requests written and not answered yet; guarded by the lock. */
	private int unansweredWritten;

	/** Asynchronous requests in {@link #gathered}; guarded by the lock. */
	private int gatheredAsync;

	private volatile long lastWriteNanos = System.nanoTime();

	RequestWriter(OutputStream out, ValueCodec codec, int maxFrameBytes) {
		this.out = out;
		this.codec = codec;
		this.maxFrameBytes = maxFrameBytes;
	}

	/**
	 * Encodes a request into this thread's buffer.
	 * @param call the call, for the message when the request is too large; {@code null}
	 * for a one-way request
	 * @param requestId the request id
	 * @return the buffer
	 * @throws IllegalArgumentException if the request is over the server's frame limit
	 */
	Output encode(PendingCall call, int requestId, int objectId, int op, Object[] args) {
		return encode(call, Frames.REQUEST, requestId, objectId, op, args);
	}

	/**
	 * Encodes a request of a given kind into this thread's buffer.
	 * @param kind {@link Frames#REQUEST} or {@link Frames#FENCED_REQUEST}
	 * @return the buffer
	 */
	Output encode(PendingCall call, byte kind, int requestId, int objectId, int op, Object[] args) {
		Output buffer = BUFFERS.get();
		if (buffer.getBuffer().length > Frames.SMALL_FRAME_BYTES) {
			buffer = new Output(1024, -1);
			BUFFERS.set(buffer);
		}
		Frames.begin(buffer, kind, requestId, op, objectId);
		for (Object arg : args) {
			this.codec.write(buffer, arg);
		}
		Frames.end(buffer);
		if (buffer.position() > this.maxFrameBytes) {
			throw new IllegalArgumentException(((call != null) ? call.description() + ": the" : "The") + " request is "
					+ buffer.position() + " bytes, over the server's frame limit of " + this.maxFrameBytes
					+ " bytes. Store smaller values, or raise the server's maxFrameBytes.");
		}
		return buffer;
	}

	/**
	 * Writes a request, or gathers it for the reader to write.
	 * @param frame the encoded request
	 * @param countedAsync whether its reply is read by whoever reads (an asynchronous
	 * request that is not lazy), and so counts as due
	 * @throws IOException if the socket failed
	 */
	void write(Output frame, boolean countedAsync) throws IOException {
		this.lock.lock();
		try {
			this.gathered.writeBytes(frame.getBuffer(), 0, frame.position());
			if (countedAsync) {
				this.gatheredAsync++;
				// A reply to an earlier asynchronous request is due: its reader writes
				// this one out.
				if (this.unansweredWritten > 0) {
					return;
				}
			}
			flushLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Writes a request whose reply nobody waits for, now unless replies are due.
	 * @param frame the encoded request
	 * @throws IOException if the socket failed
	 */
	void writeOneWay(Output frame) throws IOException {
		this.lock.lock();
		try {
			this.gathered.writeBytes(frame.getBuffer(), 0, frame.position());
			if (this.unansweredWritten == 0) {
				flushLocked();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Notes a reply read: the reader writes what was gathered when it is about to block,
	 * or when no reply is due any more.
	 * @param countedAsync whether the reply answered a counted asynchronous request
	 * @param moreBuffered whether more replies are already buffered
	 * @throws IOException if the socket failed
	 */
	void replyRead(boolean countedAsync, boolean moreBuffered) throws IOException {
		this.lock.lock();
		try {
			if (countedAsync && this.unansweredWritten > 0) {
				this.unansweredWritten--;
			}
			if (!moreBuffered || this.unansweredWritten == 0) {
				flushLocked();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forgets a due reply that will not come, so it no longer holds back gathered
	 * requests.
	 * @throws IOException if the socket failed
	 */
	void replyAbandoned() throws IOException {
		replyRead(true, false);
	}

	/**
	 * Writes whatever is gathered.
	 * @throws IOException if the socket failed
	 */
	void flush() throws IOException {
		this.lock.lock();
		try {
			flushLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void flushLocked() throws IOException {
		if (this.gathered.position() == 0) {
			return;
		}
		this.out.write(this.gathered.getBuffer(), 0, this.gathered.position());
		this.gathered.reset();
		this.unansweredWritten += this.gatheredAsync;
		this.gatheredAsync = 0;
		this.lastWriteNanos = System.nanoTime();
	}

	long lastWriteNanos() {
		return this.lastWriteNanos;
	}

}
