package io.sharedstate.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.esotericsoftware.kryo.io.Output;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.ServerOptions;
import io.sharedstate.protocol.ErrorReplies;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.FrameReader;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;
import io.sharedstate.protocol.Handshake.ServerTerms;
import io.sharedstate.protocol.ProtocolException;

/**
 * One client connection on the server, served by its own thread: authenticate, then read,
 * run and answer requests. Replies to requests that arrived together are written
 * together.
 */
public final class ServerConnection {

	private static final Logger logger = LoggerFactory.getLogger(ServerConnection.class);

	private final long id;

	private final Socket socket;

	private final ServerOptions options;

	private final ServerTerms terms;

	private final RequestDispatcher dispatcher;

	private final Consumer<ServerConnection> onClose;

	private final Output replies = new Output(64 * 1024, -1);

	private final Thread thread;

	private final Instant connectedAt = Instant.now();

	private final AtomicLong operations = new AtomicLong();

	private volatile ClientIdentity identity;

	private volatile boolean closed;

	ServerConnection(long id, Socket socket, ServerOptions options, ServerTerms terms, RequestDispatcher dispatcher,
			Consumer<ServerConnection> onClose) {
		this.id = id;
		this.socket = socket;
		this.options = options;
		this.terms = terms;
		this.dispatcher = dispatcher;
		this.onClose = onClose;
		this.thread = new Thread(this::serve, "shared-state-connection-" + id);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Who is at the other end, as the client said after authenticating.
	 *
	 * @param pid the client's process id
	 * @param host the client's host name
	 * @param name the client's name
	 */
	public record ClientIdentity(long pid, String host, String name) {

	}

	/**
	 * Returns the connection's id, unique per server run.
	 * @return the id
	 */
	public long id() {
		return this.id;
	}

	/**
	 * Returns who the client said it is.
	 * @return the identity, or {@code null} before the client said
	 */
	public ClientIdentity identity() {
		return this.identity;
	}

	/**
	 * Returns when the connection was accepted.
	 * @return the time
	 */
	public Instant connectedAt() {
		return this.connectedAt;
	}

	/**
	 * Returns how many requests this connection has had served.
	 * @return the count
	 */
	public long operations() {
		return this.operations.get();
	}

	void identify(long pid, String host, String name) {
		this.identity = new ClientIdentity(pid, host, name);
	}

	private void serve() {
		String peer = this.socket.getRemoteSocketAddress().toString();
		try {
			this.socket.setTcpNoDelay(true);
			InputStream in = this.socket.getInputStream();
			OutputStream out = this.socket.getOutputStream();
			if (!authenticate(in, out, peer)) {
				return;
			}
			this.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, this.options.idleTimeout().toMillis()));
			FrameReader reader = new FrameReader(in, this.options.maxFrameBytes());
			while (!this.closed) {
				Frame frame;
				try {
					frame = reader.next();
				}
				catch (SocketTimeoutException ex) {
					logger.info("Closing connection {} from {}: {} for more than {} ms", this.id, peer,
							reader.hasPartialFrame() ? "an incomplete frame" : "idle",
							this.options.idleTimeout().toMillis());
					return;
				}
				if (frame.kind() != Frames.REQUEST) {
					logger.warn("Closing connection {} from {}: a client sent a frame of kind {}", this.id, peer,
							frame.kind());
					return;
				}
				answer(frame);
				if (!reader.hasBufferedFrame() && in.available() == 0) {
					flush(out);
				}
			}
		}
		catch (ProtocolException ex) {
			logger.warn("Closing connection {} from {}: {}", this.id, peer, ex.getMessage());
		}
		catch (EOFException ex) {
			logger.debug("Connection {} from {} closed by the client", this.id, peer);
		}
		catch (SocketException ex) {
			if (!this.closed) {
				logger.debug("Connection {} from {} dropped: {}", this.id, peer, ex.getMessage());
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Closing connection {} from {}: {}", this.id, peer, ex.toString());
		}
		finally {
			close();
		}
	}

	private boolean authenticate(InputStream in, OutputStream out, String peer) throws IOException {
		this.socket.setSoTimeout((int) this.options.handshakeTimeout().toMillis());
		try {
			Handshake.serve(in, out, this.options.authkey(), this.terms);
			return true;
		}
		catch (SocketTimeoutException ex) {
			logger.warn("Closing connection {} from {}: no authentication within {} ms", this.id, peer,
					this.options.handshakeTimeout().toMillis());
		}
		catch (EOFException ex) {
			logger.warn("Closing connection {} from {}: it disconnected during authentication", this.id, peer);
		}
		return false;
	}

	private void answer(Frame frame) {
		this.operations.incrementAndGet();
		int start = Frames.append(this.replies, Frames.REPLY, frame.requestId());
		try {
			Object result = this.dispatcher.dispatch(frame, this);
			this.dispatcher.codec().write(this.replies, result);
			int size = this.replies.position() - start;
			if (size > this.terms.maxFrameBytes()) {
				throw new IllegalStateException("The result is " + size + " bytes, over the frame limit of "
						+ this.terms.maxFrameBytes() + " bytes; read it in smaller parts");
			}
		}
		catch (RuntimeException | StackOverflowError ex) {
			this.replies.setPosition(start);
			start = Frames.append(this.replies, Frames.ERROR, frame.requestId());
			ErrorReplies.write(this.replies, ex);
		}
		Frames.end(this.replies, start);
	}

	private void flush(OutputStream out) throws IOException {
		out.write(this.replies.getBuffer(), 0, this.replies.position());
		this.replies.reset();
		if (this.replies.getBuffer().length > 4 * 1024 * 1024) {
			this.replies.setBuffer(new byte[64 * 1024], -1);
		}
	}

	void close() {
		this.closed = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			logger.debug("Closing connection {} failed", this.id, ex);
		}
		this.onClose.accept(this);
	}

}
