package io.sharedstate.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import com.esotericsoftware.kryo.io.Input;

/**
 * Reads frames from a stream into one reusable buffer, many frames per read when they
 * arrive together. A read that times out keeps whatever part of a frame it has and
 * resumes on the next call; a frame over the size limit is refused before its body is
 * read.
 */
public final class FrameReader {

	private final InputStream in;

	private final int maxFrameBytes;

	private final Input body = new Input();

	private byte[] buffer = new byte[64 * 1024];

	private int start;

	private int end;

	/**
	 * Creates a reader.
	 * @param in the stream
	 * @param maxFrameBytes the largest frame accepted, header included
	 */
	public FrameReader(InputStream in, int maxFrameBytes) {
		this.in = in;
		this.maxFrameBytes = maxFrameBytes;
	}

	/**
	 * Returns whether a complete frame is already buffered, so reading it will not block.
	 * @return whether a frame is buffered
	 */
	public boolean hasBufferedFrame() {
		int available = this.end - this.start;
		return available >= Frames.LENGTH_BYTES && available >= Frames.LENGTH_BYTES + intAt(this.start);
	}

	/**
	 * Returns whether part of a frame has been read but not all of it.
	 * @return whether a frame is partly read
	 */
	public boolean hasPartialFrame() {
		return this.end > this.start && !hasBufferedFrame();
	}

	/**
	 * Reads the next frame, blocking until it is complete.
	 * @return the frame
	 * @throws EOFException if the peer closed the connection between frames
	 * @throws ProtocolException if the frame is malformed, oversized, truncated or of
	 * another version
	 * @throws SocketTimeoutException if the socket's read timeout passed; the partial
	 * frame is kept
	 * @throws IOException if reading fails
	 */
	public Frame next() throws IOException {
		if (this.start == this.end && this.buffer.length > Frames.SMALL_FRAME_BYTES) {
			// A large frame is behind us: do not keep its buffer.
			this.buffer = new byte[Frames.SMALL_FRAME_BYTES];
			this.start = 0;
			this.end = 0;
		}
		fill(Frames.LENGTH_BYTES);
		int length = intAt(this.start);
		Frames.checkLength(length, this.maxFrameBytes);
		fill(Frames.LENGTH_BYTES + length);
		Frame frame = Frames.read(this.buffer, this.start, this.body);
		this.start += Frames.LENGTH_BYTES + length;
		return frame;
	}

	/**
	 * Reads until {@code needed} bytes are buffered, growing the buffer only as they
	 * arrive.
	 */
	private void fill(int needed) throws IOException {
		if (this.end - this.start >= needed) {
			return;
		}
		if (this.start == this.end) {
			this.start = 0;
			this.end = 0;
		}
		while (this.end - this.start < needed) {
			if (this.end == this.buffer.length) {
				makeRoom(needed);
			}
			int n = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
			if (n < 0) {
				if (this.end == this.start) {
					throw new EOFException("connection closed by peer");
				}
				throw new ProtocolException("connection closed in the middle of a frame (" + (this.end - this.start)
						+ " of " + needed + " bytes received)");
			}
			this.end += n;
		}
	}

	private void makeRoom(int needed) {
		int pending = this.end - this.start;
		byte[] target = this.buffer;
		if (pending >= this.buffer.length / 2) {
			target = new byte[(int) Math.min(Math.max(needed, 16), (long) this.buffer.length * 2)];
		}
		System.arraycopy(this.buffer, this.start, target, 0, pending);
		this.buffer = target;
		this.start = 0;
		this.end = pending;
	}

	private int intAt(int at) {
		return Frames.getInt(this.buffer, at);
	}

}
