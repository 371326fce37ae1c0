package io.sharedstate.client;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import com.esotericsoftware.kryo.io.Output;

import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateTimeoutException;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake.ServerTerms;
import io.sharedstate.protocol.Ops;
import io.sharedstate.protocol.ProtocolException;

/**
 * One authenticated connection to a manager server, shared by all threads of a client:
 * the kinds of call a proxy makes — synchronous, blocking (may wait on the server),
 * asynchronous, lazy and one-way — on top of the calls in flight ({@link InFlightCalls}),
 * the writer ({@link RequestWriter}) and the reader ({@link ReplyReader}).
 *
 * <p>
 * A synchronous call costs one wake-up on each side: the caller writes its own request
 * and reads its own reply when no other thread reads. The socket never has a read timeout
 * (in the JDK a timed read makes every later read cost extra system calls); instead
 * {@link #watch()}, run periodically, fails a connection whose reading call is overdue
 * and cancels on the server the wait of a reading caller that was interrupted.
 */
final class ClientConnection {

	private final Socket socket;

	private final String address;

	private final ServerTerms terms;

	private final InFlightCalls calls;

	private final RequestWriter writer;

	private final ReplyReader reader;

	private final Consumer<ClientConnection> onLost;

	private volatile SharedStateConnectionException broken;

	private volatile boolean closing;

	private ClientConnection(Connector.Connected connected, ClientOptions options, ValueCodec codec,
			Consumer<ClientConnection> onLost) throws IOException {
		this.socket = connected.socket();
		this.terms = connected.terms();
		this.address = Connector.describe(options.address());
		this.onLost = onLost;
		this.calls = new InFlightCalls(this.terms.maxInFlight(), this.address);
		this.writer = new RequestWriter(this.socket.getOutputStream(), codec, this.terms.maxFrameBytes());
		this.reader = new ReplyReader(this.socket.getInputStream(), options.maxFrameBytes(), codec, this.calls,
				this.writer, this::fail, this.address);
	}

	/**
	 * Connects and authenticates.
	 * @param options the client options
	 * @param codec the codec for requests and replies
	 * @param timer closes a connection whose handshake takes too long
	 * @param onLost told once when the connection is lost, unless it was closed
	 * @return the connection
	 * @throws io.sharedstate.api.SharedStateUnavailableException if no server answers
	 * @throws io.sharedstate.api.SharedStateAuthenticationException if authentication
	 * fails either way
	 */
	static ClientConnection open(ClientOptions options, ValueCodec codec, ScheduledExecutorService timer,
			Consumer<ClientConnection> onLost) {
		Connector.Connected connected = Connector.connect(options, timer);
		try {
			return new ClientConnection(connected, options, codec, onLost);
		}
		catch (IOException ex) {
			Connector.closeQuietly(connected.socket());
			throw new SharedStateConnectionException("Cannot use the connection to " + options.address(), ex);
		}
	}

	ServerTerms terms() {
		return this.terms;
	}

	boolean isBroken() {
		return this.broken != null;
	}

	SharedStateConnectionException failure() {
		return this.broken;
	}

	long lastWriteNanos() {
		return this.writer.lastWriteNanos();
	}

	/**
	 * Sends a request and waits for its reply on the calling thread.
	 * @param objectId the target object, 0 for manager operations
	 * @param op the operation code
	 * @param args the arguments
	 * @param target what the call addresses, for error messages
	 * @param operation the operation's name, for error messages
	 * @param timeout how long to wait for the reply
	 * @return the reply value
	 */
	Object call(int objectId, int op, Object[] args, Object target, String operation, Duration timeout) {
		PendingCall call = PendingCall.sync(target, operation, timeout.toMillis());
		send(call, Frames.REQUEST, objectId, op, args);
		awaitReply(call, timeout, null);
		return call.result();
	}

	/**
	 * Sends a request the server applies only while a lock hold is current, and waits for
	 * its reply.
	 * @param fence the lock's object id, the holding thread and its fence, prefixed to
	 * the arguments
	 * @return the reply value
	 */
	Object callFenced(int objectId, int op, Object[] args, Object target, String operation, Duration timeout,
			Object[] fence) {
		PendingCall call = PendingCall.sync(target, operation, timeout.toMillis());
		Object[] fenced = new Object[fence.length + args.length];
		System.arraycopy(fence, 0, fenced, 0, fence.length);
		System.arraycopy(args, 0, fenced, fence.length, args.length);
		send(call, Frames.FENCED_REQUEST, objectId, op, fenced);
		awaitReply(call, timeout, null);
		return call.result();
	}

	/**
	 * Sends a request that may wait on the server (for a lock, permits, a queue item...)
	 * and waits for its reply. Interrupting the caller cancels the wait on the server; if
	 * the grant won the race it is given back with the revoker.
	 * @param objectId the target object
	 * @param op the operation code
	 * @param args the arguments
	 * @param target what the call addresses, for error messages
	 * @param operation the operation's name, for error messages
	 * @param wait how long the server may let the request wait, {@code null} for ever
	 * @param callTimeout how long the reply may take beyond the wait
	 * @param revoker gives back a grant the caller will not use; {@code null} for a reply
	 * the server wants confirmed (a queue item), which is confirmed once received or
	 * declined if not used
	 * @return the reply value
	 * @throws InterruptedException if the caller was interrupted; nothing is left granted
	 */
	Object callBlocking(int objectId, int op, Object[] args, Object target, String operation, Duration wait,
			Duration callTimeout, Consumer<Object> revoker) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long budget = (wait != null) ? wait.toMillis() + callTimeout.toMillis() : Long.MAX_VALUE / 4_000_000;
		PendingCall call = PendingCall.blocking(target, operation, budget);
		int requestId = send(call, objectId, op, args);
		boolean confirmed = revoker == null;
		Consumer<Object> giveBack = confirmed ? (declined) -> sendOneWay(0, Ops.NACK, new Object[] { requestId })
				: revoker;
		boolean interrupted = awaitReply(call, callTimeout, giveBack);
		if (interrupted) {
			if (!call.failed()) {
				giveBack.accept(call.result());
			}
			else if (!(call.failure() instanceof CancellationException)) {
				Thread.currentThread().interrupt();
				return call.result();
			}
			throw new InterruptedException();
		}
		Object result = call.result();
		if (confirmed) {
			sendOneWay(0, Ops.ACK, new Object[] { requestId });
		}
		return result;
	}

	/**
	 * Sends a request without waiting; the reply completes the returned future.
	 * @param objectId the target object
	 * @param op the operation code
	 * @param args the arguments
	 * @param target what the call addresses, for error messages
	 * @param operation the operation's name, for error messages
	 * @param timeout how long the reply may take before the future fails
	 * @return the reply value's future
	 */
	CompletableFuture<Object> callAsync(int objectId, int op, Object[] args, Object target, String operation,
			Duration timeout) {
		return callAsync(objectId, op, args, target, operation, timeout, false);
	}

	/**
	 * Sends a request without waiting, like {@link #callAsync}, but leaves its reply to
	 * be read by whichever thread reads next (the next synchronous caller, or the
	 * heartbeat's reader) rather than waking a reader for it: an unlock followed by the
	 * next lock then costs one wake-up, not three.
	 * @param objectId the target object
	 * @param op the operation code
	 * @param args the arguments
	 * @param target what the call addresses, for error messages
	 * @param operation the operation's name, for error messages
	 * @param timeout how long the reply may take before the future fails
	 * @return the reply value's future
	 */
	CompletableFuture<Object> callLazily(int objectId, int op, Object[] args, Object target, String operation,
			Duration timeout) {
		return callAsync(objectId, op, args, target, operation, timeout, true);
	}

	private CompletableFuture<Object> callAsync(int objectId, int op, Object[] args, Object target, String operation,
			Duration timeout, boolean lazy) {
		PendingCall call = PendingCall.async(target, operation, timeout.toMillis());
		call.lazy = lazy;
		send(call, objectId, op, args);
		if (!lazy && !this.reader.isReading()) {
			this.reader.wakePump();
		}
		return call.future;
	}

	/**
	 * Sends a request the server does not answer.
	 * @param objectId the target object
	 * @param op the operation code
	 * @param args the arguments
	 */
	void sendOneWay(int objectId, int op, Object[] args) {
		if (this.broken != null) {
			return;
		}
		try {
			this.writer.writeOneWay(this.writer.encode(null, Ops.ONE_WAY, objectId, op, args));
		}
		catch (IOException ex) {
			fail(ex);
		}
	}

	private int send(PendingCall call, int objectId, int op, Object[] args) {
		return send(call, Frames.REQUEST, objectId, op, args);
	}

	private int send(PendingCall call, byte kind, int objectId, int op, Object[] args) {
		Output frame = this.writer.encode(call, kind, 0, objectId, op, args);
		this.calls.acquireSlot(call);
		int requestId = this.calls.register(call);
		Frames.putInt(frame.getBuffer(), Frames.REQUEST_ID_OFFSET, requestId);
		SharedStateConnectionException failure = this.broken;
		if (failure != null) {
			this.calls.abandon(call);
			throw reconnectable(failure, call);
		}
		try {
			this.writer.write(frame, call.isAsync() && !call.lazy);
		}
		catch (IOException ex) {
			fail(ex);
		}
		return requestId;
	}

	/**
	 * Waits for a call's reply, reading the socket when no other thread does.
	 * @param revoker for a call that may wait on the server: an interrupt then cancels it
	 * there, and a timeout leaves it to give back a late grant; {@code null} for an
	 * ordinary call, which keeps an interrupt for the caller
	 * @return whether the caller was interrupted while a blocking call waited (its wait
	 * was cancelled on the server, or it had just been granted)
	 */
	private boolean awaitReply(PendingCall call, Duration timeout, Consumer<Object> revoker) {
		boolean interrupted = false;
		while (!call.isDone()) {
			this.reader.readOrWait(call);
			interrupted |= Thread.interrupted();
			if (interrupted && call.blocking && !call.isDone()) {
				requestCancel(call, timeout);
			}
			if (!call.isDone() && call.isOverdue(System.nanoTime())) {
				if (revoker != null) {
					call.revoker = revoker;
					requestCancel(call, timeout);
				}
				else if (!this.calls.abandon(call)) {
					continue;
				}
				restoreInterrupt(interrupted);
				throw new SharedStateTimeoutException(call.description() + ": no reply from the manager at "
						+ this.address + " within " + call.timeoutMillis + " ms");
			}
		}
		interrupted |= Thread.interrupted();
		if (call.blocking) {
			return interrupted;
		}
		restoreInterrupt(interrupted);
		return false;
	}

	/**
	 * Cancels a blocking call's wait on the server, once; its reply then ends the call.
	 */
	private void requestCancel(PendingCall call, Duration timeout) {
		if (!call.cancelRequested) {
			call.cancelRequested = true;
			// The cancel is answered at once, except for a condition wait, which must
			// take its lock back first, however long that is held: an interrupt never
			// shortens a call's time.
			call.deadlineNanos = Math.max(call.deadlineNanos, System.nanoTime() + timeout.toNanos());
			if (this.broken == null) {
				callAsync(0, Ops.CANCEL, new Object[] { call.requestId }, this, "cancel", timeout);
			}
		}
	}

	private static void restoreInterrupt(boolean interrupted) {
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Looks after the calls of this connection, from the client's timer: fails
	 * asynchronous calls whose replies are overdue, cancels on the server the wait of a
	 * reading caller that was interrupted, and fails the connection when the reading
	 * caller's reply is overdue (a server that does not answer cannot be read around).
	 */
	void watch() {
		long now = System.nanoTime();
		PendingCall reading = this.reader.readingCall();
		if (reading != null && !reading.isDone()) {
			if (reading.blocking && reading.waiter.isInterrupted()) {
				requestCancel(reading, Duration.ofSeconds(30));
			}
			else if (reading.isOverdue(now) && reading.revoker == null) {
				failOverdue(reading);
				return;
			}
		}
		this.calls.forEach((requestId, call) -> {
			if (call.isAsync() && call.isOverdue(now) && this.calls.abandon(call)) {
				if (!call.lazy) {
					try {
						this.writer.replyAbandoned();
					}
					catch (IOException ex) {
						fail(ex);
					}
				}
				call.fail(new SharedStateTimeoutException(call.description() + ": no reply from the manager at "
						+ this.address + " within " + call.timeoutMillis + " ms"));
			}
		});
	}

	private void failOverdue(PendingCall reading) {
		if (this.calls.abandon(reading)) {
			reading.fail(new SharedStateTimeoutException(
					reading.description() + ": no reply from the manager at " + this.address + " within "
							+ reading.timeoutMillis + " ms; the connection is closed and the next call reconnects"));
		}
		fail(new IOException("a call got no reply in time"));
	}

	private void fail(IOException cause) {
		synchronized (this) {
			if (this.broken != null) {
				return;
			}
			String reason = (cause instanceof ProtocolException)
					? "the server broke the protocol: " + cause.getMessage() : cause.toString();
			this.broken = new SharedStateConnectionException(
					"The connection to the manager at " + this.address + " was lost (" + reason + ")", cause);
		}
		Connector.closeQuietly(this.socket);
		this.calls.forEach((requestId, call) -> {
			if (this.calls.abandon(call)) {
				if (this.closing && call.lazy) {
					// A release or signal made moot by the close: the session's end
					// releases what it held.
					call.complete(null);
				}
				else {
					call.fail(reconnectable(this.broken, call));
				}
			}
		});
		this.reader.stop();
		if (!this.closing) {
			this.onLost.accept(this);
		}
	}

	private static SharedStateConnectionException reconnectable(SharedStateConnectionException broken,
			PendingCall call) {
		return new SharedStateConnectionException(call.description() + ": " + broken.getMessage()
				+ "; the call may or may not have taken effect. The next call reconnects.", broken.getCause());
	}

	void close() {
		this.closing = true;
		// Requests gathered but not written yet (an acknowledgement, say) go out before
		// the close.
		try {
			this.writer.flush();
		}
		catch (IOException ex) {
			// closing anyway
		}
		fail(new IOException("client closed"));
	}

	static String describe(java.net.InetSocketAddress address) {
		return Connector.describe(address);
	}

}
