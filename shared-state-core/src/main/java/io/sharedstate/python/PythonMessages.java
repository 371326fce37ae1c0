package io.sharedstate.python;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The framing of {@code multiprocessing.connection}: each message is a 4-byte big-endian
 * signed length and the payload; a length of -1 is followed by an 8-byte unsigned length
 * (messages over 2 GiB, which this side refuses). One reader and one writer thread at a
 * time.
 */
final class PythonMessages {

	/** Bytes left free before a payload written with {@link #send(byte[], int)}. */
	static final int HEADER_BYTES = 4;

	private final Socket socket;

	private final PushbackInputStream pushback;

	private final DataInputStream in;

	private final OutputStream out;

	PythonMessages(Socket socket) throws IOException {
		this.socket = socket;
		this.pushback = new PushbackInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024), 1);
		this.in = new DataInputStream(this.pushback);
		this.out = socket.getOutputStream();
	}

	/**
	 * Reads one message.
	 * @param maxBytes the largest message accepted
	 * @return the payload
	 * @throws EOFException if the peer closed the connection between messages
	 * @throws TooLargeException if the message is larger than the limit
	 * @throws IOException if the connection fails or closes within a message
	 */
	byte[] receive(int maxBytes) throws IOException {
		int length = this.in.readInt();
		long size = length;
		if (length == -1) {
			size = this.in.readLong();
		}
		if (size < 0 || size > maxBytes) {
			throw new TooLargeException(size, maxBytes);
		}
		byte[] payload = new byte[(int) size];
		this.in.readFully(payload);
		return payload;
	}

	/**
	 * Sends a short message.
	 * @param payload the payload
	 * @throws IOException if the connection fails
	 */
	void send(byte[] payload) throws IOException {
		byte[] message = new byte[HEADER_BYTES + payload.length];
		System.arraycopy(payload, 0, message, HEADER_BYTES, payload.length);
		send(message, message.length);
	}

	/**
	 * Sends a message whose payload was written after {@link #HEADER_BYTES} free bytes,
	 * in one write so that the peer wakes once.
	 * @param buffer the header room and the payload
	 * @param length where the payload ends
	 * @throws IOException if the connection fails
	 */
	void send(byte[] buffer, int length) throws IOException {
		int size = length - HEADER_BYTES;
		buffer[0] = (byte) (size >>> 24);
		buffer[1] = (byte) (size >>> 16);
		buffer[2] = (byte) (size >>> 8);
		buffer[3] = (byte) size;
		this.out.write(buffer, 0, length);
	}

	/**
	 * Tells, without waiting, whether the peer has closed the connection, while no other
	 * thread reads from it. A byte that arrived is kept for the next read.
	 * @return whether the peer is gone
	 */
	boolean peerClosed() {
		try {
			this.socket.setSoTimeout(1);
			int next = this.pushback.read();
			if (next < 0) {
				return true;
			}
			this.pushback.unread(next);
			return false;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
		finally {
			try {
				this.socket.setSoTimeout(0);
			}
			catch (IOException ex) {
				// the socket is closed; the next read says so
			}
		}
	}

	/**
	 * A message larger than the limit arrived.
	 */
	static final class TooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		TooLargeException(long size, int maxBytes) {
			super((size < 0) ? "a message announced a negative length (" + size + ")"
					: "a message of " + size + " bytes exceeds the limit of " + maxBytes + " bytes");
		}

	}

}
