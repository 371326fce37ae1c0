package io.sharedstate.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

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
		fill(Frames.LENGTH_BYTES);
		int length = intAt(this.start);
		if (length < Frames.HEADER_BYTES || length > this.maxFrameBytes - Frames.LENGTH_BYTES) {
			throw new ProtocolException((length < Frames.HEADER_BYTES) ? "malformed frame: length " + length
					: "frame of " + (length + Frames.LENGTH_BYTES) + " bytes exceeds the limit of " + this.maxFrameBytes
							+ " bytes");
		}
		fill(Frames.LENGTH_BYTES + length);
		int at = this.start + Frames.LENGTH_BYTES;
		byte version = this.buffer[at];
		if (version != Frames.VERSION) {
			throw new ProtocolException(
					"unsupported protocol version " + version + " (this side speaks " + Frames.VERSION + ")");
		}
		byte kind = this.buffer[at + 1];
		int requestId = intAt(at + 2);
		int op = (this.buffer[at + 6] & 0xff) | ((this.buffer[at + 7] & 0xff) << 8);
		int objectId = intAt(at + 8);
		int bodyStart = at + Frames.HEADER_BYTES;
		int frameEnd = this.start + Frames.LENGTH_BYTES + length;
		this.body.setBuffer(this.buffer, bodyStart, frameEnd - bodyStart);
		this.start = frameEnd;
		return new Frame(kind, requestId, op, objectId, this.body);
	}

	private void fill(int needed) throws IOException {
		if (this.end - this.start >= needed) {
			return;
		}
		if (this.start == this.end) {
			this.start = 0;
			this.end = 0;
		}
		if (this.buffer.length - this.start < needed) {
			compact(needed);
		}
		while (this.end - this.start < needed) {
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

	private void compact(int needed) {
		int pending = this.end - this.start;
		byte[] target = (needed > this.buffer.length) ? new byte[Math.max(needed, this.buffer.length * 2)]
				: this.buffer;
		System.arraycopy(this.buffer, this.start, target, 0, pending);
		this.buffer = target;
		this.start = 0;
		this.end = pending;
	}

	private int intAt(int at) {
		return Frames.getInt(this.buffer, at);
	}

}
