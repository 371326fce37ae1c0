package io.sharedstate.server;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.esotericsoftware.kryo.io.Output;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.host.CallContext;
import io.sharedstate.host.CallRecord;
import io.sharedstate.host.ParkedCall;
import io.sharedstate.model.OperationKind;
import io.sharedstate.protocol.ErrorReplies;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.Ops;
import io.sharedstate.protocol.ProtocolException;

/**
 * One client connection on the server, once authenticated: runs its requests on the host
 * and writes the replies. A request is run on the connection's I/O thread and its reply
 * joins the batch flushed when the bytes read so far are used up; a call that parks is
 * answered later from whichever thread wakes it; a custom object's method runs on a
 * thread of its own, and the connection's later requests wait for it, so requests of one
 * connection run in order.
 *
 * <p>
 * Writes never block: a client that does not read its replies is no longer read from once
 * its unwritten replies pass the high-water mark, and is disconnected, with a logged
 * reason, once they pass the connection's limit.
 */
final class ServerConnection extends ChannelInboundHandlerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(ServerConnection.class);

	private static final ThreadLocal<Output> BUFFERS = ThreadLocal.withInitial(() -> new Output(1024, -1));

	private final long id;

	private final ManagerServer server;

	private final FrameDecoder decoder;

	private final Instant connectedAt = Instant.now();

	private final AtomicLong operations = new AtomicLong();

	/**
	 * Requests that arrived while a custom method of this connection ran; I/O thread
	 * only.
	 */
	private final ArrayDeque<Object> behindUserCall = new ArrayDeque<>();

	private boolean userCallRunning;

	/** Replies to the requests read in one go; I/O thread only. */
	private final Output batch = new Output(4096, -1);

	private Channel channel;

	private ScheduledFuture<?> watchdog;

	private volatile ClientIdentity identity;

	private volatile CallContext context;

	private volatile String closeReason;

	ServerConnection(long id, ManagerServer server, FrameDecoder decoder) {
		this.id = id;
		this.server = server;
		this.decoder = decoder;
	}

	/**
	 * Who is at the other end, as the client said after authenticating.
	 *
	 * @param pid the client's process id
	 * @param host the client's host name
	 * @param name the client's name
	 */
	record ClientIdentity(long pid, String host, String name) {

		@Override
		public String toString() {
			return this.name + " (pid " + this.pid + " on " + this.host + ")";
		}

	}

	long id() {
		return this.id;
	}

	ClientIdentity identity() {
		return this.identity;
	}

	Instant connectedAt() {
		return this.connectedAt;
	}

	long operations() {
		return this.operations.get();
	}

	/**
	 * Returns the context the client's calls run in.
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
			this.context = this.server.host().connect(sessionId, this.identity.toString());
		}
		return this.context.resumed();
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.channel = ctx.channel();
		long period = this.server.watchPeriodMillis();
		this.watchdog = ctx.executor().scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		if (this.userCallRunning) {
			this.behindUserCall.addLast(message);
			if (this.behindUserCall.size() > this.server.options().maxInFlight()) {
				this.channel.config().setAutoRead(false);
			}
			return;
		}
		handle(message);
	}

	private void handle(Object message) {
		if (message instanceof FrameDecoder.Refused refused) {
			reply(refused.requestId(), null, new IllegalStateException(refused.reason()), null, false);
			return;
		}
		Frame frame = (Frame) message;
		if (frame.kind() != Frames.REQUEST && frame.kind() != Frames.FENCED_REQUEST) {
			closeFor("it sent a frame of kind " + frame.kind() + ", not a request");
			return;
		}
		this.operations.incrementAndGet();
		this.server.requestStarted();
		RequestDispatcher.Request request;
		try {
			request = this.server.dispatcher().decode(frame);
		}
		catch (RuntimeException ex) {
			reply(frame.requestId(), null, ex, null, false);
			this.server.requestEnded();
			return;
		}
		if (request.runsUserCode()) {
			runUserCall(request);
			return;
		}
		run(request, false);
		this.server.requestEnded();
	}

	private void run(RequestDispatcher.Request request, boolean flush) {
		Object result;
		try {
			result = this.server.dispatcher().run(request, this);
		}
		catch (RuntimeException | StackOverflowError ex) {
			reply(request.requestId(), null, ex, null, flush);
			return;
		}
		if (result instanceof ParkedCall parked) {
			park(request, parked);
			return;
		}
		reply(request.requestId(), result, null, request.call(), flush);
	}

	private void runUserCall(RequestDispatcher.Request request) {
		this.userCallRunning = true;
		try {
			this.server.userCalls().execute(() -> {
				try {
					run(request, true);
				}
				finally {
					this.server.requestEnded();
					this.channel.eventLoop().execute(this::userCallDone);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.userCallRunning = false;
			this.server.requestEnded();
			reply(request.requestId(), null,
					new IllegalStateException(
							"Too many custom-object calls are running on this manager at once; retry later"),
					null, false);
		}
	}

	/** Runs the requests that waited for a custom method, until one is itself one. */
	private void userCallDone() {
		this.userCallRunning = false;
		while (!this.userCallRunning && !this.behindUserCall.isEmpty()) {
			handle(this.behindUserCall.pollFirst());
		}
		writeBatch();
		this.channel.flush();
		if (!this.userCallRunning && this.channel.isWritable()) {
			this.channel.config().setAutoRead(true);
		}
	}

	private void park(RequestDispatcher.Request request, ParkedCall parked) {
		int requestId = request.requestId();
		CallContext current = context();
		if (current.parkedCalls() >= this.server.options().maxInFlight()) {
			if (!parked.cancel(false)) {
				parked.whenComplete((result, failure) -> current.giveBack(request.call(), result));
			}
			reply(requestId, null,
					new IllegalStateException("More than " + this.server.options().maxInFlight()
							+ " requests of this connection are waiting on the server; wait for some to complete"),
					null, false);
			return;
		}
		current.parked(requestId, parked);
		parked.whenComplete((result, failure) -> {
			Throwable error = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			reply(requestId, result, error, request.call(), true);
		});
	}

	/**
	 * Writes a reply, from any thread. A result that cannot be delivered is given back:
	 * at once when the connection is closed, or if its write fails; a result taken from
	 * its object stays with the context until the client confirms it.
	 */
	private void reply(int requestId, Object result, Throwable failure, CallRecord call, boolean flush) {
		if (requestId == Ops.ONE_WAY) {
			if (failure != null) {
				logger.debug("One-way request of connection {} failed: {}", this.id, failure.toString());
			}
			return;
		}
		boolean delivering = failure == null && result != null && call != null;
		if (!this.channel.isActive()) {
			if (delivering) {
				contextGiveBack(call, result);
			}
			return;
		}
		boolean taken = delivering && call.operation().kind() == OperationKind.TAKE;
		boolean watched = delivering && !taken && call.operation().kind() == OperationKind.BLOCKING;
		if (!flush && !watched && this.channel.eventLoop().inEventLoop()) {
			// Joins the replies written together once the bytes read so far are used up.
			if (!append(this.batch, requestId, result, failure) && delivering) {
				contextGiveBack(call, result);
			}
			else if (taken) {
				context().delivered(requestId, call, result);
			}
			return;
		}
		Output output = buffer();
		if (!append(output, requestId, result, failure)) {
			if (delivering) {
				contextGiveBack(call, result);
			}
			delivering = false;
			taken = false;
			watched = false;
		}
		ByteBuf frame = this.channel.alloc().ioBuffer(output.position());
		frame.writeBytes(output.getBuffer(), 0, output.position());
		if (taken) {
			context().delivered(requestId, call, result);
		}
		if (watched) {
			ChannelFuture written = flush ? this.channel.writeAndFlush(frame) : this.channel.write(frame);
			written.addListener((done) -> {
				if (!done.isSuccess()) {
					contextGiveBack(call, result);
				}
			});
		}
		else if (flush) {
			this.channel.writeAndFlush(frame, this.channel.voidPromise());
		}
		else {
			this.channel.write(frame, this.channel.voidPromise());
		}
		limitPendingReplies();
	}

	private void contextGiveBack(CallRecord call, Object result) {
		CallContext current = this.context;
		if (current != null) {
			current.giveBack(call, result);
		}
	}

	private static Output buffer() {
		Output output = BUFFERS.get();
		if (output.getBuffer().length > Frames.SMALL_FRAME_BYTES) {
			output = new Output(1024, -1);
			BUFFERS.set(output);
		}
		output.reset();
		return output;
	}

	/**
	 * Appends a reply to a buffer: the result, or an error reply if the result cannot be
	 * encoded or is too large.
	 * @return whether the result went in
	 */
	private boolean append(Output output, int requestId, Object result, Throwable failure) {
		int start = output.position();
		if (failure == null) {
			try {
				Frames.append(output, Frames.REPLY, requestId);
				this.server.dispatcher().codec().write(output, result);
				int size = output.position() - start;
				if (size > this.server.terms().maxFrameBytes()) {
					throw new IllegalStateException("The result is " + size + " bytes, over the frame limit of "
							+ this.server.terms().maxFrameBytes() + " bytes; read it in smaller parts");
				}
				Frames.end(output, start);
				return true;
			}
			catch (RuntimeException ex) {
				output.setPosition(start);
				failure = ex;
			}
		}
		Frames.append(output, Frames.ERROR, requestId);
		ErrorReplies.write(output, failure);
		Frames.end(output, start);
		return result == null;
	}

	/** Writes the replies gathered while reading; I/O thread only. */
	private void writeBatch() {
		if (this.batch.position() == 0) {
			return;
		}
		ByteBuf replies = this.channel.alloc().ioBuffer(this.batch.position());
		replies.writeBytes(this.batch.getBuffer(), 0, this.batch.position());
		this.batch.reset();
		if (this.batch.getBuffer().length > Frames.SMALL_FRAME_BYTES) {
			this.batch.setBuffer(new byte[4096], -1);
		}
		this.channel.write(replies, this.channel.voidPromise());
		limitPendingReplies();
	}

	/**
	 * Stops reading a client that does not read its replies, and drops it past the limit.
	 */
	private void limitPendingReplies() {
		if (this.channel.isWritable()) {
			return;
		}
		this.channel.config().setAutoRead(false);
		ChannelOutboundBuffer pending = this.channel.unsafe().outboundBuffer();
		long bytes = (pending != null) ? pending.totalPendingWriteBytes() : 0;
		if (bytes > this.server.options().maxPendingReplyBytes()) {
			closeFor("it does not read its replies: " + bytes + " bytes are waiting to be written, over the limit of "
					+ this.server.options().maxPendingReplyBytes());
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		writeBatch();
		ctx.flush();
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
		if (ctx.channel().isWritable() && !this.userCallRunning) {
			ctx.channel().config().setAutoRead(true);
		}
		super.channelWritabilityChanged(ctx);
	}

	/**
	 * Closes the connection if it has been silent, or stuck, for longer than the idle
	 * timeout.
	 */
	private void watch() {
		long idle = System.nanoTime() - this.decoder.lastFrameNanos();
		long limit = this.server.options().idleTimeout().toNanos();
		if (idle > limit && !this.userCallRunning) {
			String state = !this.channel.isWritable() ? "not reading its replies"
					: this.decoder.hasPartialFrame() ? "an incomplete frame" : "silent";
			closeFor(state + " for more than " + this.server.options().idleTimeout().toMillis() + " ms");
		}
	}

	void closeFor(String reason) {
		if (this.closeReason == null) {
			this.closeReason = reason;
			logger.warn("Closing connection {} from {}{}: {}", this.id, this.channel.remoteAddress(),
					(this.identity != null) ? " (" + this.identity + ")" : "", reason);
		}
		this.channel.close();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		Throwable failure = (cause.getCause() instanceof ProtocolException) ? cause.getCause() : cause;
		if (failure instanceof ProtocolException) {
			closeFor(failure.getMessage());
		}
		else if (failure instanceof IOException) {
			logger.debug("Connection {} from {} dropped: {}", this.id, ctx.channel().remoteAddress(),
					failure.toString());
			ctx.close();
		}
		else {
			closeFor(failure.toString());
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (this.watchdog != null) {
			this.watchdog.cancel(false);
		}
		CallContext current = this.context;
		if (current != null) {
			current.close();
		}
		this.behindUserCall.clear();
		this.server.connectionClosed(this);
		super.channelInactive(ctx);
	}

	void close() {
		Channel current = this.channel;
		if (current != null) {
			current.close();
		}
	}

}
