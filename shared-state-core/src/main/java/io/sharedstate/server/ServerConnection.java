package io.sharedstate.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.esotericsoftware.kryo.io.Output;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.host.CallContext;
import io.sharedstate.host.HostedObject;
import io.sharedstate.host.ObjectHost;
import io.sharedstate.host.ParkedCall;
import io.sharedstate.model.Operation;
import io.sharedstate.model.OperationKind;
import io.sharedstate.protocol.ErrorReplies;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.FrameReader;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;
import io.sharedstate.protocol.Handshake.ServerTerms;
import io.sharedstate.protocol.Ops;
import io.sharedstate.protocol.ProtocolException;

/**
 * One client connection on the server, served by its own thread: authenticate, then read,
 * run and answer requests. Replies to requests that arrived together are written
 * together. A blocking request (a lock wait, a queue take) is parked: its reply is
 * written later by whichever thread completes it.
 */
public final class ServerConnection {

	private static final Logger logger = LoggerFactory.getLogger(ServerConnection.class);

	private final long id;

	private final Socket socket;

	private final ServerOptions options;

	private final ServerTerms terms;

	private final RequestDispatcher dispatcher;

	private final ObjectHost host;

	private final Consumer<ServerConnection> onClose;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final Output replies = new Output(64 * 1024, -1);

	private final ConcurrentHashMap<Integer, CompletableFuture<?>> parked = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Integer, Taken> unacknowledged = new ConcurrentHashMap<>();

	/**
	 * The call the request being run made, for giving back its result; reading thread
	 * only.
	 */
	private Answered answered;

	private final Thread thread;

	private final Instant connectedAt = Instant.now();

	private final AtomicLong operations = new AtomicLong();

	/** Requests being run on the connection's thread: 0 or 1. */
	private volatile boolean answering;

	private OutputStream out;

	private volatile ClientIdentity identity;

	private volatile CallContext context;

	private volatile boolean closed;

	private volatile boolean authenticated;

	private volatile String closeReason;

	private volatile FrameReader reader;

	private final long acceptedNanos = System.nanoTime();

	private volatile long lastFrameNanos = System.nanoTime();

	ServerConnection(long id, Socket socket, ServerOptions options, ServerTerms terms, RequestDispatcher dispatcher,
			ObjectHost host, Consumer<ServerConnection> onClose) {
		this.id = id;
		this.socket = socket;
		this.options = options;
		this.terms = terms;
		this.dispatcher = dispatcher;
		this.host = host;
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

		@Override
		public String toString() {
			return this.name + " (pid " + this.pid + " on " + this.host + ")";
		}

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

	/**
	 * Returns the context the client's calls run in.
	 * @return the context
	 * @throws IllegalStateException if the client has not said hello yet
	 */
	CallContext context() {
		CallContext current = this.context;
		if (current == null) {
			throw new IllegalStateException("The client must say hello before anything else");
		}
		return current;
	}

	/**
	 * Attaches the connection to the client's session.
	 * @return whether the session was still alive on this server
	 */
	boolean hello(long sessionId, long pid, String host, String name) {
		this.identity = new ClientIdentity(pid, host, name);
		if (this.context == null) {
			this.context = this.host.connect(sessionId, this.identity.toString());
		}
		return this.context.resumed();
	}

	/** Records the call the request being run made. */
	void answered(HostedObject target, Operation operation, Object[] args) {
		this.answered = new Answered(target, operation, args);
	}

	/**
	 * Cancels a parked request of this connection; its reply reports the cancellation, or
	 * the grant that won the race.
	 * @param requestId the request to cancel
	 */
	void cancel(int requestId) {
		CompletableFuture<?> waiting = this.parked.get(requestId);
		if (waiting != null) {
			waiting.cancel(false);
		}
	}

	private void serve() {
		String peer = this.socket.getRemoteSocketAddress().toString();
		try {
			this.socket.setTcpNoDelay(true);
			InputStream in = this.socket.getInputStream();
			this.out = this.socket.getOutputStream();
			if (!authenticate(in, this.out, peer)) {
				return;
			}
			this.authenticated = true;
			FrameReader reader = new FrameReader(in, this.options.maxFrameBytes());
			this.reader = reader;
			while (!this.closed) {
				Frame frame = reader.next();
				this.lastFrameNanos = System.nanoTime();
				if (frame.kind() != Frames.REQUEST) {
					logger.warn("Closing connection {} from {}: a client sent a frame of kind {}", this.id, peer,
							frame.kind());
					return;
				}
				this.answering = true;
				answer(frame);
				if (!reader.hasBufferedFrame()) {
					flush();
					this.answering = false;
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
			String reason = this.closeReason;
			if (reason != null) {
				logger.warn("Closed connection {} from {}: {}", this.id, peer, reason);
			}
			else if (!this.closed) {
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
		try {
			Handshake.serve(in, out, this.options.authkey(), this.terms);
			return true;
		}
		catch (EOFException ex) {
			logger.warn("Closing connection {} from {}: it disconnected during authentication", this.id, peer);
		}
		return false;
	}

	/**
	 * Closes the connection if it has overstayed: not authenticated within the handshake
	 * timeout, or silent (or stuck in the middle of a frame) for longer than the idle
	 * timeout. Runs on the server's timer, so the connection's socket never needs a read
	 * timeout (which would make every read cost extra system calls).
	 * @param now the current {@link System#nanoTime()}
	 */
	void watch(long now) {
		if (this.closed) {
			return;
		}
		if (!this.authenticated) {
			if (now - this.acceptedNanos > this.options.handshakeTimeout().toNanos()) {
				closeFor("no authentication within " + this.options.handshakeTimeout().toMillis() + " ms");
			}
			return;
		}
		if (now - this.lastFrameNanos > this.options.idleTimeout().toNanos()) {
			FrameReader current = this.reader;
			closeFor(((current != null && current.hasPartialFrame()) ? "an incomplete frame" : "silent")
					+ " for more than " + this.options.idleTimeout().toMillis() + " ms");
		}
	}

	private void closeFor(String reason) {
		this.closeReason = reason;
		close();
	}

	/**
	 * Settles a reply the client had to acknowledge: accepted, it is final; declined, it
	 * is given back.
	 * @param requestId the request the reply answered
	 * @param accepted whether the client took it
	 */
	void acknowledge(int requestId, boolean accepted) {
		Taken taken = this.unacknowledged.remove(requestId);
		if (taken != null && !accepted) {
			giveBack(taken.call(), taken.result());
		}
	}

	/**
	 * Closes the connection once the request being run (if any) has been answered, or at
	 * the deadline.
	 * @param deadlineNanos the latest {@link System#nanoTime()} to close at
	 */
	void closeWhenIdle(long deadlineNanos) {
		while (this.answering && System.nanoTime() - deadlineNanos < 0) {
			java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
		}
		close();
	}

	private void answer(Frame frame) {
		this.operations.incrementAndGet();
		int requestId = frame.requestId();
		Object result;
		try {
			result = this.dispatcher.dispatch(frame, this);
		}
		catch (RuntimeException | StackOverflowError ex) {
			this.answered = null;
			if (requestId == Ops.ONE_WAY) {
				logger.debug("One-way request {} of connection {} failed: {}", frame.op(), this.id, ex.toString());
				return;
			}
			deliver(requestId, null, ex, null);
			return;
		}
		Answered call = this.answered;
		this.answered = null;
		if (requestId == Ops.ONE_WAY) {
			return;
		}
		if (result instanceof ParkedCall pending) {
			park(requestId, pending, call);
			return;
		}
		deliver(requestId, result, null, call);
	}

	private void park(int requestId, ParkedCall pending, Answered call) {
		if (this.parked.size() >= this.terms.maxInFlight()) {
			pending.cancel(false);
			pending.whenComplete((value, failure) -> giveBack(call, value));
			deliver(requestId, null,
					new IllegalStateException("More than " + this.terms.maxInFlight()
							+ " requests of this connection are waiting on the server; wait for some to complete"),
					null);
			return;
		}
		this.parked.put(requestId, pending);
		pending.whenComplete((value, failure) -> {
			this.parked.remove(requestId);
			Throwable error = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			deliver(requestId, value, error, call);
		});
	}

	/**
	 * Writes a reply. From the connection's own thread it joins the batch that the read
	 * loop flushes; from any other thread (a parked request being completed) it is
	 * flushed at once. A result that cannot be delivered because the connection is closed
	 * is given back.
	 */
	private void deliver(int requestId, Object value, Throwable failure, Answered call) {
		this.writeLock.lock();
		try {
			if (this.closed) {
				giveBack(call, value);
				return;
			}
			if (!appendReply(requestId, value, failure)) {
				giveBack(call, value);
			}
			else if (failure == null && value != null && call != null
					&& call.operation().kind() == OperationKind.TAKE) {
				this.unacknowledged.put(requestId, new Taken(call, value));
			}
			if (Thread.currentThread() != this.thread) {
				flushLocked();
			}
		}
		catch (IOException ex) {
			// Given back here, so not again by close() as unacknowledged: twice would
			// put a queue item back twice.
			this.unacknowledged.remove(requestId);
			giveBack(call, value);
			close();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void giveBack(Answered call, Object value) {
		CallContext current = this.context;
		if (call != null && value != null && current != null) {
			this.host.giveBack(call.target(), call.operation(), call.args(), value, current.session().id());
		}
	}

	/**
	 * Appends a reply to the batch.
	 * @return whether the value went out; {@code false} when it could not be encoded and
	 * an error went out instead
	 */
	private boolean appendReply(int requestId, Object value, Throwable failure) {
		int start = this.replies.position();
		if (failure == null) {
			Frames.append(this.replies, Frames.REPLY, requestId);
			try {
				this.dispatcher.codec().write(this.replies, value);
				int size = this.replies.position() - start;
				if (size > this.terms.maxFrameBytes()) {
					throw new IllegalStateException("The result is " + size + " bytes, over the frame limit of "
							+ this.terms.maxFrameBytes() + " bytes; read it in smaller parts");
				}
				Frames.end(this.replies, start);
				return true;
			}
			catch (RuntimeException ex) {
				this.replies.setPosition(start);
				failure = ex;
			}
		}
		Frames.append(this.replies, Frames.ERROR, requestId);
		ErrorReplies.write(this.replies, failure);
		Frames.end(this.replies, start);
		return value == null;
	}

	private void flush() throws IOException {
		this.writeLock.lock();
		try {
			flushLocked();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void flushLocked() throws IOException {
		if (this.replies.position() == 0) {
			return;
		}
		this.out.write(this.replies.getBuffer(), 0, this.replies.position());
		this.replies.reset();
		if (this.replies.getBuffer().length > 4 * 1024 * 1024) {
			this.replies.setBuffer(new byte[64 * 1024], -1);
		}
	}

	void close() {
		this.writeLock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		finally {
			this.writeLock.unlock();
		}
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			logger.debug("Closing connection {} failed", this.id, ex);
		}
		CallContext current = this.context;
		this.unacknowledged.values().forEach((taken) -> giveBack(taken.call(), taken.result()));
		this.unacknowledged.clear();
		if (current != null) {
			current.close();
		}
		this.onClose.accept(this);
	}

	/** A call a request made, kept to give its result back. */
	private record Answered(HostedObject target, Operation operation, Object[] args) {

	}

	/** A result taken from an object, given back unless the client acknowledges it. */
	private record Taken(Answered call, Object result) {

	}

}
