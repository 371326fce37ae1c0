package io.sharedstate.protocol;

import com.esotericsoftware.kryo.io.Output;

/**
 * The frame layout after the handshake. Every frame is length-prefixed; one connection
 * carries many requests in flight, matched to their replies by request id.
 *
 * <pre>
 *  0        4         5        6              10       12            16
 *  +--------+---------+--------+--------------+--------+-------------+-------------
 *  | length | version | kind   | request id   | op     | object id   | body ...
 *  +--------+---------+--------+--------------+--------+-------------+-------------
 *  length: bytes after the length field (at least 12)
 *  kind:   1 request, 2 reply, 3 error reply, 4 request fenced by a lock hold
 *  op:     operation code, meaningful for requests; 0 in replies
 *  object: the target object's id for object operations, 0 otherwise
 *  body:   request arguments or reply value, as tagged values (see ValueCodec)
 * </pre> Integers are little-endian, as Kryo writes them (the handshake's are
 * big-endian).
 */
public final class Frames {

	/** Protocol version carried by the handshake and every frame. */
	public static final byte VERSION = 1;

	/** The default largest frame, either way: 16 MiB. */
	public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

	/** Size of the length prefix. */
	public static final int LENGTH_BYTES = 4;

	/** Size of the header after the length prefix. */
	public static final int HEADER_BYTES = 12;

	/** Kind of a request frame. */
	public static final byte REQUEST = 1;

	/** Kind of a successful reply. */
	public static final byte REPLY = 2;

	/** Kind of a failed reply: body is exception class name and message. */
	public static final byte ERROR = 3;

	/**
	 * Kind of a request applied only while a lock hold is current: its body starts with
	 * the lock's object id, the holding thread and the hold's fence, then the arguments.
	 */
	public static final byte FENCED_REQUEST = 4;

	/** Offset of the version, from the frame's start (its length field). */
	public static final int VERSION_OFFSET = LENGTH_BYTES;

	/** Offset of the kind. */
	public static final int KIND_OFFSET = LENGTH_BYTES + 1;

	/** Offset of the request id. */
	public static final int REQUEST_ID_OFFSET = LENGTH_BYTES + 2;

	/** Offset of the operation code. */
	public static final int OP_OFFSET = LENGTH_BYTES + 6;

	/** Offset of the object id. */
	public static final int OBJECT_ID_OFFSET = LENGTH_BYTES + 8;

	/** Offset of the body. */
	public static final int BODY_OFFSET = LENGTH_BYTES + HEADER_BYTES;

	/** Largest body of a frame below which buffers are kept for the next frames. */
	public static final int SMALL_FRAME_BYTES = 64 * 1024;

	private Frames() {
	}

	/**
	 * Checks a frame's length field, before any of its body is read.
	 * @param length the length field: the bytes after it
	 * @param maxFrameBytes the largest frame allowed, length field included
	 * @throws ProtocolException if the frame is malformed or too large
	 */
	public static void checkLength(int length, int maxFrameBytes) throws ProtocolException {
		if (length < HEADER_BYTES) {
			throw new ProtocolException("malformed frame: a length of " + Integer.toUnsignedLong(length)
					+ " bytes, less than the " + HEADER_BYTES + "-byte header");
		}
		if (length > maxFrameBytes - LENGTH_BYTES) {
			throw new ProtocolException("a frame of " + (length + (long) LENGTH_BYTES) + " bytes exceeds the limit of "
					+ maxFrameBytes + " bytes");
		}
	}

	/**
	 * Reads the header of a complete frame in a buffer.
	 * @param buffer the buffer
	 * @param start where the frame starts (its length field)
	 * @param body the input to point at the frame's body
	 * @return the frame
	 * @throws ProtocolException if the frame has another protocol version
	 */
	public static Frame read(byte[] buffer, int start, com.esotericsoftware.kryo.io.Input body)
			throws ProtocolException {
		byte version = buffer[start + VERSION_OFFSET];
		if (version != VERSION) {
			throw new ProtocolException(
					"unsupported protocol version " + version + " (this side speaks " + VERSION + ")");
		}
		int end = start + LENGTH_BYTES + getInt(buffer, start);
		body.setBuffer(buffer, start + BODY_OFFSET, end - start - BODY_OFFSET);
		return new Frame(buffer[start + KIND_OFFSET], getInt(buffer, start + REQUEST_ID_OFFSET),
				(buffer[start + OP_OFFSET] & 0xff) | ((buffer[start + OP_OFFSET + 1] & 0xff) << 8),
				getInt(buffer, start + OBJECT_ID_OFFSET), body);
	}

	/**
	 * Writes a little-endian int into a buffer.
	 * @param buffer the buffer
	 * @param at the offset
	 * @param value the value
	 */
	public static void putInt(byte[] buffer, int at, int value) {
		buffer[at] = (byte) value;
		buffer[at + 1] = (byte) (value >>> 8);
		buffer[at + 2] = (byte) (value >>> 16);
		buffer[at + 3] = (byte) (value >>> 24);
	}

	/**
	 * Reads a little-endian int from a buffer.
	 * @param buffer the buffer
	 * @param at the offset
	 * @return the value
	 */
	public static int getInt(byte[] buffer, int at) {
		return (buffer[at] & 0xff) | ((buffer[at + 1] & 0xff) << 8) | ((buffer[at + 2] & 0xff) << 16)
				| ((buffer[at + 3] & 0xff) << 24);
	}

	/**
	 * Starts a frame in an empty buffer, leaving room for the length.
	 * @param output the buffer, reset by this call
	 * @param kind the frame kind
	 * @param requestId the request id
	 * @param op the operation code
	 * @param objectId the target object id
	 */
	public static void begin(Output output, byte kind, int requestId, int op, int objectId) {
		output.reset();
		output.writeInt(0);
		output.writeByte(VERSION);
		output.writeByte(kind);
		output.writeInt(requestId);
		output.writeShort(op);
		output.writeInt(objectId);
	}

	/**
	 * Starts a frame at the buffer's current position, after frames already in it.
	 * @param output the buffer
	 * @param kind the frame kind
	 * @param requestId the request id
	 * @return the position of the frame, for {@link #end(Output, int)}
	 */
	public static int append(Output output, byte kind, int requestId) {
		int start = output.position();
		output.writeInt(0);
		output.writeByte(VERSION);
		output.writeByte(kind);
		output.writeInt(requestId);
		output.writeShort(0);
		output.writeInt(0);
		return start;
	}

	/**
	 * Writes the length of a frame started at position 0.
	 * @param output the buffer
	 */
	public static void end(Output output) {
		end(output, 0);
	}

	/**
	 * Writes the length of a frame started at the given position.
	 * @param output the buffer
	 * @param start where the frame starts
	 */
	public static void end(Output output, int start) {
		int length = output.position() - start - LENGTH_BYTES;
		byte[] buffer = output.getBuffer();
		putInt(buffer, start, length);
	}

}
