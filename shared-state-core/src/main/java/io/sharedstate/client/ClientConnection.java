package io.sharedstate.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.esotericsoftware.kryo.io.Output;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.ClientOptions;
import io.sharedstate.SharedStateAuthenticationException;
import io.sharedstate.SharedStateConnectionException;
import io.sharedstate.SharedStateException;
import io.sharedstate.SharedStateTimeoutException;
import io.sharedstate.SharedStateUnavailableException;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.protocol.ErrorReplies;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.FrameReader;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Handshake;
import io.sharedstate.protocol.Handshake.ServerTerms;
import io.sharedstate.protocol.Ops;
import io.sharedstate.protocol.ProtocolException;

/**
 * One authenticated connection to a manager server, shared by all threads of a client.
 *
 * <p>
 * A synchronous call costs one wake-up on each side: the caller writes its own request
 * and, when no other thread is reading, reads the socket itself until its reply arrives
 * (replies for other callers met on the way are handed to them). When it has its reply it
 * passes the reading role to another waiting caller, if any. Asynchronous calls are
 * pipelined; their replies are read by whichever thread is reading, or by a reader thread
 * started on first use.
 */
final class ClientConnection {

	private static final Logger logger = LoggerFactory.getLogger(ClientConnection.class);

	private static final long INTERRUPT_CHECK_MILLIS = 100;

	private static final ThreadLocal<Output> BUFFERS = ThreadLocal.withInitial(() -> new Output(1024, -1));

	private final Socket socket;

	private final OutputStream out;

	private final FrameReader reader;

	private final ValueCodec codec;

	private final String address;

	private final ServerTerms terms;

	private final int maxRequestBytes;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final ReentrantLock readLock = new ReentrantLock();

	private final ConcurrentHashMap<Integer, PendingCall> pending = new ConcurrentHashMap<>();

	private final AtomicInteger requestIds = new AtomicInteger();

	private final AtomicInteger asyncPending = new AtomicInteger();

	private final Semaphore slots;

	private volatile SharedStateConnectionException broken;

	private volatile long lastWriteNanos = System.nanoTime();

	private volatile Thread replyPump;

	private int readTimeoutMillis = -1;

	private ClientConnection(Socket socket, ServerTerms terms, ClientOptions options, ValueCodec codec)
			throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.terms = terms;
		this.codec = codec;
		this.address = describe(options.address());
		this.maxRequestBytes = terms.maxFrameBytes();
		this.reader = new FrameReader(socket.getInputStream(), options.maxFrameBytes());
		this.slots = new Semaphore(Math.max(1, terms.maxInFlight()));
	}

	/**
	 * Connects and authenticates.
	 * @param options the client options
	 * @param codec the codec for replies
	 * @return the connection
	 * @throws SharedStateUnavailableException if no server answers in time
	 * @throws SharedStateAuthenticationException if authentication fails either way
	 */
	static ClientConnection open(ClientOptions options, ValueCodec codec) {
		InetSocketAddress address = options.address();
		int timeout = (int) options.connectTimeout().toMillis();
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(address, timeout);
			socket.setSoTimeout(timeout);
			ServerTerms terms = Handshake.connect(socket.getInputStream(), socket.getOutputStream(), options.authkey());
			return new ClientConnection(socket, terms, options, codec);
		}
		catch (Handshake.HandshakeRefusedException ex) {
			closeQuietly(socket);
			throw new SharedStateAuthenticationException("Authentication with the manager at " + describe(address)
					+ " failed: " + ex.getMessage() + ". Client and server must use the same authkey.", ex);
		}
		catch (ConnectException | SocketTimeoutException ex) {
			closeQuietly(socket);
			throw new SharedStateUnavailableException("No manager server reachable at " + describe(address) + " within "
					+ options.connectTimeout().toMillis() + " ms (" + ex.getMessage()
					+ "). Check that the server is running and listening on that address.", ex);
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new SharedStateUnavailableException("Cannot connect to the manager server at " + describe(address)
					+ " within " + options.connectTimeout().toMillis() + " ms: " + ex, ex);
		}
	}

	ServerTerms terms() {
		return this.terms;
	}

	boolean isBroken() {
		return this.broken != null;
	}

	long lastWriteNanos() {
		return this.lastWriteNanos;
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
		long deadline = System.nanoTime() + timeout.toNanos();
		PendingCall call = PendingCall.sync(target, operation, deadline);
		int requestId = send(call, objectId, op, args);
		awaitReply(call, requestId, timeout, null);
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
	 * the server wants acknowledged (see {@link io.sharedstate.engine.Acknowledged}),
	 * which is then acknowledged once received or declined if not used
	 * @return the reply value
	 * @throws InterruptedException if the caller was interrupted; nothing is left granted
	 */
	Object callBlocking(int objectId, int op, Object[] args, Object target, String operation, Duration wait,
			Duration callTimeout, Consumer<Object> revoker) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long budget = (wait != null) ? wait.toNanos() + callTimeout.toNanos() : Long.MAX_VALUE / 4;
		PendingCall call = PendingCall.sync(target, operation, System.nanoTime() + budget);
		int requestId = send(call, objectId, op, args);
		boolean acknowledged = revoker == null;
		if (acknowledged) {
			// An acknowledged reply: declining it is how a grant is given back.
			revoker = (declined) -> sendOneWay(0, Ops.NACK, new Object[] { requestId });
		}
		if (awaitReply(call, requestId, callTimeout, revoker)) {
			try {
				revoker.accept(call.result());
			}
			catch (RuntimeException ex) {
				// cancelled before it was granted, or failed: nothing to give back
			}
			throw new InterruptedException();
		}
		Object result = call.result();
		if (acknowledged) {
			sendOneWay(0, Ops.ACK, new Object[] { requestId });
		}
		return result;
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
		Output buffer = BUFFERS.get();
		Frames.begin(buffer, Frames.REQUEST, Ops.ONE_WAY, op, objectId);
		for (Object arg : args) {
			this.codec.write(buffer, arg);
		}
		Frames.end(buffer);
		this.writeLock.lock();
		try {
			this.out.write(buffer.getBuffer(), 0, buffer.position());
			this.lastWriteNanos = System.nanoTime();
		}
		catch (IOException ex) {
			fail(ex);
		}
		finally {
			this.writeLock.unlock();
		}
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
		PendingCall call = PendingCall.async(target, operation, System.nanoTime() + timeout.toNanos());
		this.asyncPending.incrementAndGet();
		send(call, objectId, op, args);
		if (!this.readLock.isLocked()) {
			wakeReplyPump();
		}
		return call.future;
	}

	private int send(PendingCall call, int objectId, int op, Object[] args) {
		Output buffer = BUFFERS.get();
		try {
			Frames.begin(buffer, Frames.REQUEST, 0, op, objectId);
			for (Object arg : args) {
				this.codec.write(buffer, arg);
			}
			Frames.end(buffer);
		}
		catch (RuntimeException ex) {
			forget(call);
			throw ex;
		}
		finally {
			if (buffer.getBuffer().length > 1024 * 1024) {
				BUFFERS.remove();
			}
		}
		if (buffer.position() > this.maxRequestBytes) {
			forget(call);
			throw new IllegalArgumentException(call.description() + ": the request is " + buffer.position()
					+ " bytes, over the server's frame limit of " + this.maxRequestBytes
					+ " bytes. Store smaller values, or raise the server's maxFrameBytes.");
		}
		acquireSlot(call);
		int requestId = this.requestIds.incrementAndGet();
		if (requestId == Ops.ONE_WAY) {
			requestId = this.requestIds.incrementAndGet();
		}
		writeRequestId(buffer.getBuffer(), requestId);
		this.pending.put(requestId, call);
		SharedStateConnectionException failure = this.broken;
		if (failure != null) {
			abandon(requestId, call);
			forget(call);
			throw reconnectable(failure, call);
		}
		this.writeLock.lock();
		try {
			this.out.write(buffer.getBuffer(), 0, buffer.position());
			this.lastWriteNanos = System.nanoTime();
		}
		catch (IOException ex) {
			fail(ex);
		}
		finally {
			this.writeLock.unlock();
		}
		return requestId;
	}

	/**
	 * Takes a slot for a request in flight, waiting through interrupts: a caller whose
	 * interrupt status is set must still be able to call, above all to unlock or release.
	 */
	private void acquireSlot(PendingCall call) {
		if (this.slots.tryAcquire()) {
			return;
		}
		boolean interrupted = false;
		try {
			while (true) {
				try {
					if (this.slots.tryAcquire(Math.max(0, call.deadlineNanos - System.nanoTime()),
							TimeUnit.NANOSECONDS)) {
						return;
					}
					forget(call);
					throw new SharedStateTimeoutException(call.description() + ": more than " + this.terms.maxInFlight()
							+ " requests are in flight on the connection to " + this.address
							+ " and none completed in time");
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			restoreInterrupt(interrupted);
		}
	}

	private void forget(PendingCall call) {
		if (call.isAsync()) {
			this.asyncPending.decrementAndGet();
		}
	}

	/**
	 * Waits for a call's reply, reading the socket when no other thread does.
	 * @param revoker for a call that may wait on the server: an interrupt then cancels it
	 * there, and a timeout leaves it to give back a late grant; {@code null} for an
	 * ordinary call, which keeps an interrupt for the caller
	 * @return whether the call was cancelled because the caller was interrupted
	 */
	private boolean awaitReply(PendingCall call, int requestId, Duration timeout, Consumer<Object> revoker) {
		boolean interrupted = false;
		boolean cancelled = false;
		while (!call.isDone()) {
			if (this.readLock.tryLock()) {
				try {
					readUntilDone(call, revoker != null && !cancelled);
				}
				finally {
					this.readLock.unlock();
					handOffReading();
				}
				interrupted |= Thread.interrupted();
			}
			else {
				LockSupport.parkNanos(this, call.deadlineNanos - System.nanoTime());
				interrupted |= Thread.interrupted();
			}
			if (interrupted && revoker != null && !cancelled && !call.isDone()) {
				cancelled = true;
				interrupted = false;
				// The cancel is answered at once, except for a condition wait, which must
				// take its lock back first, however long that is held: an interrupt never
				// shortens how long a call may take.
				call.deadlineNanos = Math.max(call.deadlineNanos, System.nanoTime() + timeout.toNanos());
				sendCancel(requestId);
			}
			if (!call.isDone() && System.nanoTime() - call.deadlineNanos >= 0) {
				if (revoker != null) {
					call.revoker = revoker;
					sendCancel(requestId);
				}
				else if (!abandon(requestId, call)) {
					continue;
				}
				restoreInterrupt(interrupted);
				throw new SharedStateTimeoutException(
						call.description() + ": no reply from the manager at " + this.address + " within "
								+ timeout.toMillis() + " ms" + ((revoker != null) ? " beyond the wait" : ""));
			}
		}
		restoreInterrupt(interrupted);
		return cancelled;
	}

	private void sendCancel(int requestId) {
		if (this.broken == null) {
			callAsync(0, Ops.CANCEL, new Object[] { requestId }, this, "cancel", Duration.ofSeconds(30));
		}
	}

	private static void restoreInterrupt(boolean interrupted) {
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads replies until the call's own arrives or its deadline passes.
	 * @param watchInterrupts whether to return when the caller is interrupted; reads then
	 * wake up every {@value #INTERRUPT_CHECK_MILLIS} ms to look
	 */
	private void readUntilDone(PendingCall call, boolean watchInterrupts) {
		try {
			while (!call.isDone()) {
				if (watchInterrupts && Thread.currentThread().isInterrupted()) {
					return;
				}
				long remaining = TimeUnit.NANOSECONDS.toMillis(call.deadlineNanos - System.nanoTime());
				if (remaining <= 0) {
					return;
				}
				if (watchInterrupts) {
					remaining = Math.min(remaining, INTERRUPT_CHECK_MILLIS);
				}
				setReadTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
				try {
					readOne();
				}
				catch (SocketTimeoutException ex) {
					if (!watchInterrupts) {
						return;
					}
				}
			}
		}
		catch (IOException ex) {
			fail(ex);
		}
	}

	private void readOne() throws IOException {
		Frame frame = this.reader.next();
		PendingCall call = this.pending.remove(frame.requestId());
		if (call == null) {
			return; // a reply to a call that timed out and was abandoned
		}
		this.slots.release();
		if (call.isAsync()) {
			this.asyncPending.decrementAndGet();
		}
		Consumer<Object> revoker = call.revoker;
		if (revoker != null) {
			giveBack(frame, revoker);
			return;
		}
		try {
			if (frame.kind() == Frames.REPLY) {
				call.complete(this.codec.read(frame.body()));
			}
			else if (frame.kind() == Frames.ERROR) {
				call.fail(ErrorReplies.read(frame.body()));
			}
			else {
				call.fail(new SharedStateException(call.description() + ": unexpected frame kind " + frame.kind()));
			}
		}
		catch (RuntimeException ex) {
			call.fail((ex instanceof SharedStateException) ? ex
					: new SharedStateException(call.description() + ": cannot decode the reply: " + ex, ex));
		}
	}

	/** A grant arrived for a caller that gave up waiting: give it back. */
	private void giveBack(Frame frame, Consumer<Object> revoker) {
		if (frame.kind() != Frames.REPLY) {
			return;
		}
		try {
			revoker.accept(this.codec.read(frame.body()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give back a late grant on the manager at {}: {}", this.address, ex.toString());
		}
	}

	private void setReadTimeout(int millis) throws IOException {
		if (millis != this.readTimeoutMillis) {
			this.socket.setSoTimeout(millis);
			this.readTimeoutMillis = millis;
		}
	}

	/**
	 * Lets another thread read: a parked synchronous caller first, else the reply pump.
	 */
	private void handOffReading() {
		for (PendingCall other : this.pending.values()) {
			if (!other.isAsync() && !other.isDone()) {
				LockSupport.unpark(other.waiter);
				return;
			}
		}
		if (this.asyncPending.get() > 0) {
			wakeReplyPump();
		}
	}

	private void wakeReplyPump() {
		Thread pump = this.replyPump;
		if (pump == null) {
			synchronized (this) {
				pump = this.replyPump;
				if (pump == null) {
					pump = new Thread(this::pumpReplies, "shared-state-replies-" + this.address);
					pump.setDaemon(true);
					this.replyPump = pump;
					pump.start();
					return;
				}
			}
		}
		LockSupport.unpark(pump);
	}

	private void pumpReplies() {
		while (this.broken == null) {
			if (this.asyncPending.get() == 0) {
				LockSupport.park(this);
				continue;
			}
			this.readLock.lock();
			try {
				setReadTimeout(0);
				while (this.asyncPending.get() > 0 && this.broken == null) {
					readOne();
				}
			}
			catch (IOException ex) {
				fail(ex);
			}
			finally {
				this.readLock.unlock();
				handOffReading();
			}
		}
	}

	/** Fails asynchronous calls whose replies are overdue; run periodically. */
	void expireOverdueCalls() {
		long now = System.nanoTime();
		this.pending.forEach((requestId, call) -> {
			if (call.isAsync() && now - call.deadlineNanos >= 0 && abandon(requestId, call)) {
				this.asyncPending.decrementAndGet();
				call.fail(new SharedStateTimeoutException(
						call.description() + ": no reply from the manager at " + this.address + " in time"));
			}
		});
	}

	private boolean abandon(int requestId, PendingCall call) {
		if (this.pending.remove(requestId, call)) {
			this.slots.release();
			return true;
		}
		return false;
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
		closeQuietly(this.socket);
		this.pending.forEach((requestId, call) -> {
			if (this.pending.remove(requestId, call)) {
				this.slots.release();
				if (call.isAsync()) {
					this.asyncPending.decrementAndGet();
				}
				call.fail(reconnectable(this.broken, call));
			}
		});
		Thread pump = this.replyPump;
		if (pump != null) {
			LockSupport.unpark(pump);
		}
	}

	private static SharedStateConnectionException reconnectable(SharedStateConnectionException broken,
			PendingCall call) {
		return new SharedStateConnectionException(call.description() + ": " + broken.getMessage()
				+ "; the call may or may not have taken effect. The next call reconnects.", broken.getCause());
	}

	void close() {
		fail(new IOException("client closed"));
	}

	private static void writeRequestId(byte[] buffer, int requestId) {
		Frames.putInt(buffer, Frames.LENGTH_BYTES + 2, requestId);
	}

	static String describe(InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing more to release
		}
	}

}
