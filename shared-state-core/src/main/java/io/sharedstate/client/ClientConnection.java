package io.sharedstate.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
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

import io.sharedstate.api.SharedStateAuthenticationException;
import io.sharedstate.api.SharedStateConnectionException;
import io.sharedstate.api.SharedStateException;
import io.sharedstate.api.SharedStateTimeoutException;
import io.sharedstate.api.SharedStateUnavailableException;
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
 * (replies for other callers met on the way are handed to them); then it passes the
 * reading role to another waiting caller, if any. Asynchronous calls are pipelined: while
 * replies to earlier ones are due, new requests are gathered and written in one go by the
 * thread that reads those replies. Their replies are read by whichever thread is reading,
 * or by a reader thread started on first use.
 *
 * <p>
 * The socket never has a read timeout: in the JDK a timed read makes every later read
 * cost extra system calls. Instead {@link #watch()}, run periodically, fails a connection
 * whose reading call is overdue and cancels on the server the wait of a reading caller
 * that was interrupted.
 */
final class ClientConnection {

	private static final Logger logger = LoggerFactory.getLogger(ClientConnection.class);

	private static final ThreadLocal<Output> BUFFERS = ThreadLocal.withInitial(() -> new Output(1024, -1));

	private final Socket socket;

	private final OutputStream out;

	private final FrameReader reader;

	private final ValueCodec codec;

	private final String address;

	private final ServerTerms terms;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final ReentrantLock readLock = new ReentrantLock();

	private final ConcurrentHashMap<Integer, PendingCall> pending = new ConcurrentHashMap<>();

	private final AtomicInteger requestIds = new AtomicInteger();

	private final AtomicInteger asyncPending = new AtomicInteger();

	private final Semaphore slots;

	/** Requests gathered for one write; guarded by the write lock. */
	private final Output gathered = new Output(4096, -1);

	/** Asynchronous requests written and not answered yet; guarded by the write lock. */
	private int unansweredWritten;

	/** Asynchronous requests in {@link #gathered}; guarded by the write lock. */
	private int gatheredAsync;

	private volatile PendingCall readingCall;

	private volatile SharedStateConnectionException broken;

	private volatile long lastWriteNanos = System.nanoTime();

	private volatile Thread replyPump;

	private ClientConnection(Socket socket, ServerTerms terms, ClientOptions options, ValueCodec codec)
			throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.terms = terms;
		this.codec = codec;
		this.address = describe(options.address());
		this.reader = new FrameReader(socket.getInputStream(), options.maxFrameBytes());
		this.slots = new Semaphore(Math.max(1, terms.maxInFlight()));
	}

	/**
	 * Connects and authenticates.
	 * @param options the client options
	 * @param codec the codec for replies
	 * @param timer closes a connection whose handshake takes too long
	 * @return the connection
	 * @throws SharedStateUnavailableException if no server answers in time
	 * @throws SharedStateAuthenticationException if authentication fails either way
	 */
	static ClientConnection open(ClientOptions options, ValueCodec codec,
			java.util.concurrent.ScheduledExecutorService timer) {
		InetSocketAddress address = options.address();
		int timeout = (int) options.connectTimeout().toMillis();
		Socket socket = new Socket();
		java.util.concurrent.ScheduledFuture<?> handshakeTimeout = null;
		try {
			socket.setTcpNoDelay(true);
			socket.connect(address, timeout);
			handshakeTimeout = timer.schedule(() -> closeQuietly(socket), timeout, TimeUnit.MILLISECONDS);
			ServerTerms terms = Handshake.connect(socket.getInputStream(), socket.getOutputStream(), options.authkey());
			if (!handshakeTimeout.cancel(false)) {
				throw new SocketTimeoutException("no handshake within " + timeout + " ms");
			}
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
			boolean timedOut = handshakeTimeout != null && handshakeTimeout.isDone();
			throw new SharedStateUnavailableException("Cannot connect to the manager server at " + describe(address)
					+ " within " + options.connectTimeout().toMillis() + " ms: "
					+ (timedOut ? "no handshake in time" : ex.toString()), ex);
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
		PendingCall call = PendingCall.sync(target, operation, timeout.toMillis());
		send(call, objectId, op, args);
		awaitReply(call, timeout);
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
		long budget = (wait != null) ? wait.toMillis() + callTimeout.toMillis() : Long.MAX_VALUE / 4_000_000;
		PendingCall call = PendingCall.blocking(target, operation, budget);
		int requestId = send(call, objectId, op, args);
		boolean acknowledged = revoker == null;
		Consumer<Object> giveBack = acknowledged ? (declined) -> sendOneWay(0, Ops.NACK, new Object[] { requestId })
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
		if (acknowledged) {
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
		this.asyncPending.incrementAndGet();
		send(call, objectId, op, args);
		if (!lazy && !this.readLock.isLocked()) {
			wakeReplyPump();
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
		Output buffer = encode(null, Ops.ONE_WAY, objectId, op, args);
		this.writeLock.lock();
		try {
			this.gathered.writeBytes(buffer.getBuffer(), 0, buffer.position());
			if (this.unansweredWritten == 0) {
				flushGathered();
			}
		}
		catch (IOException ex) {
			fail(ex);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private Output encode(PendingCall call, int requestId, int objectId, int op, Object[] args) {
		Output buffer = BUFFERS.get();
		if (buffer.getBuffer().length > 1024 * 1024) {
			buffer = new Output(1024, -1);
			BUFFERS.set(buffer);
		}
		Frames.begin(buffer, Frames.REQUEST, requestId, op, objectId);
		for (Object arg : args) {
			this.codec.write(buffer, arg);
		}
		Frames.end(buffer);
		if (buffer.position() > this.terms.maxFrameBytes()) {
			throw new IllegalArgumentException(((call != null) ? call.description() + ": the" : "The") + " request is "
					+ buffer.position() + " bytes, over the server's frame limit of " + this.terms.maxFrameBytes()
					+ " bytes. Store smaller values, or raise the server's maxFrameBytes.");
		}
		return buffer;
	}

	private int send(PendingCall call, int objectId, int op, Object[] args) {
		Output buffer;
		try {
			buffer = encode(call, 0, objectId, op, args);
			acquireSlot(call);
		}
		catch (RuntimeException ex) {
			forget(call);
			throw ex;
		}
		int requestId = this.requestIds.incrementAndGet();
		if (requestId == Ops.ONE_WAY) {
			requestId = this.requestIds.incrementAndGet();
		}
		call.requestId = requestId;
		Frames.putInt(buffer.getBuffer(), Frames.REQUEST_ID_OFFSET, requestId);
		this.pending.put(requestId, call);
		SharedStateConnectionException failure = this.broken;
		if (failure != null) {
			abandon(requestId, call);
			forget(call);
			throw reconnectable(failure, call);
		}
		this.writeLock.lock();
		try {
			this.gathered.writeBytes(buffer.getBuffer(), 0, buffer.position());
			if (call.isAsync() && !call.lazy) {
				this.gatheredAsync++;
				// A reply to an earlier asynchronous request is due: its reader writes
				// this one out.
				if (this.unansweredWritten > 0) {
					return requestId;
				}
			}
			flushGathered();
		}
		catch (IOException ex) {
			fail(ex);
		}
		finally {
			this.writeLock.unlock();
		}
		return requestId;
	}

	/** Writes the gathered requests in one go; call with the write lock held. */
	private void flushGathered() throws IOException {
		if (this.gathered.position() == 0) {
			return;
		}
		this.out.write(this.gathered.getBuffer(), 0, this.gathered.position());
		this.gathered.reset();
		this.unansweredWritten += this.gatheredAsync;
		this.gatheredAsync = 0;
		this.lastWriteNanos = System.nanoTime();
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
	 * @return whether the caller was interrupted while a blocking call waited (its wait
	 * was cancelled on the server, or it had just been granted)
	 */
	private boolean awaitReply(PendingCall call, Duration timeout) {
		return awaitReply(call, timeout, null);
	}

	private boolean awaitReply(PendingCall call, Duration timeout, Consumer<Object> revoker) {
		boolean interrupted = false;
		while (!call.isDone()) {
			if (this.readLock.tryLock()) {
				try {
					this.readingCall = call;
					readUntilDone(call);
				}
				finally {
					this.readingCall = null;
					this.readLock.unlock();
					handOffReading();
				}
			}
			else {
				LockSupport.parkNanos(this, call.deadlineNanos - System.nanoTime());
			}
			interrupted |= Thread.interrupted();
			if (interrupted && call.blocking && !call.isDone()) {
				requestCancel(call, timeout);
			}
			if (!call.isDone() && call.isOverdue(System.nanoTime())) {
				if (revoker != null) {
					call.revoker = revoker;
					requestCancel(call, timeout);
				}
				else if (!abandon(call.requestId, call)) {
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
			// take its lock
			// back first, however long that is held: an interrupt never shortens a call's
			// time.
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

	/** Reads replies until the call's own arrives. */
	private void readUntilDone(PendingCall call) {
		try {
			while (!call.isDone()) {
				readOne();
			}
		}
		catch (IOException ex) {
			fail(ex);
		}
	}

	private void readOne() throws IOException {
		Frame frame = this.reader.next();
		PendingCall call = this.pending.remove(frame.requestId());
		if (call != null) {
			this.slots.release();
			if (call.isAsync()) {
				this.asyncPending.decrementAndGet();
			}
			dispatch(frame, call);
		}
		this.writeLock.lock();
		try {
			if (call != null && call.isAsync() && !call.lazy && this.unansweredWritten > 0) {
				this.unansweredWritten--;
			}
			// About to block, or nothing else will wake a reader: write what was
			// gathered.
			if (!this.reader.hasBufferedFrame() || this.unansweredWritten == 0) {
				flushGathered();
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void dispatch(Frame frame, PendingCall call) {
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

	/**
	 * Looks after the calls of this connection, from the client's timer: fails
	 * asynchronous calls whose replies are overdue, cancels on the server the wait of a
	 * reading caller that was interrupted, and fails the connection when the reading
	 * caller's reply is overdue (a server that does not answer cannot be read around).
	 */
	void watch() {
		long now = System.nanoTime();
		PendingCall reading = this.readingCall;
		if (reading != null && !reading.isDone()) {
			if (reading.blocking && reading.waiter.isInterrupted()) {
				requestCancel(reading, Duration.ofSeconds(30));
			}
			else if (reading.isOverdue(now) && reading.revoker == null) {
				failOverdue(reading);
				return;
			}
		}
		this.pending.forEach((requestId, call) -> {
			if (call.isAsync() && call.isOverdue(now) && abandon(requestId, call)) {
				this.asyncPending.decrementAndGet();
				if (!call.lazy) {
					forgetWritten();
				}
				call.fail(new SharedStateTimeoutException(call.description() + ": no reply from the manager at "
						+ this.address + " within " + call.timeoutMillis + " ms"));
			}
		});
	}

	/** An answer that will not come no longer holds back gathered requests. */
	private void forgetWritten() {
		this.writeLock.lock();
		try {
			if (this.unansweredWritten > 0) {
				this.unansweredWritten--;
			}
			flushGathered();
		}
		catch (IOException ex) {
			fail(ex);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private void failOverdue(PendingCall reading) {
		if (abandon(reading.requestId, reading)) {
			reading.fail(new SharedStateTimeoutException(
					reading.description() + ": no reply from the manager at " + this.address + " within "
							+ reading.timeoutMillis + " ms; the connection is closed and the next call reconnects"));
		}
		fail(new IOException("a call got no reply in time"));
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
		// Requests gathered but not written yet (an acknowledgement, say) go out before
		// the close.
		this.writeLock.lock();
		try {
			flushGathered();
		}
		catch (IOException ex) {
			// closing anyway
		}
		finally {
			this.writeLock.unlock();
		}
		fail(new IOException("client closed"));
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
