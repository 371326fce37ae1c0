package io.sharedstate.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sharedstate.api.SharedStateException;
import io.sharedstate.codec.ValueCodec;
import io.sharedstate.protocol.ErrorReplies;
import io.sharedstate.protocol.Frame;
import io.sharedstate.protocol.FrameReader;
import io.sharedstate.protocol.Frames;

/**
 * Reads a connection's replies and hands each to its call. One thread reads at a time: a
 * synchronous caller reads the socket itself until its own reply arrives, handing the
 * replies it meets to their callers, then passes the reading role to another waiting
 * caller, or to a reply pump thread when only asynchronous calls wait. So a synchronous
 * call wakes no other thread.
 */
final class ReplyReader {

	private static final Logger logger = LoggerFactory.getLogger(ReplyReader.class);

	private final FrameReader frames;

	private final ValueCodec codec;

	private final InFlightCalls calls;

	private final RequestWriter writer;

	private final Consumer<IOException> onFailure;

	private final String address;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile PendingCall readingCall;

	private volatile Thread pump;

	private volatile boolean stopped;

	ReplyReader(InputStream in, int maxFrameBytes, ValueCodec codec, InFlightCalls calls, RequestWriter writer,
			Consumer<IOException> onFailure, String address) {
		this.frames = new FrameReader(in, maxFrameBytes);
		this.codec = codec;
		this.calls = calls;
		this.writer = writer;
		this.onFailure = onFailure;
		this.address = address;
	}

	/**
	 * Reads until a call's reply arrived, if no other thread reads; otherwise waits to be
	 * woken (by the reader, or by the reply) until the call's deadline.
	 * @param call the call
	 */
	void readOrWait(PendingCall call) {
		if (this.lock.tryLock()) {
			try {
				this.readingCall = call;
				try {
					while (!call.isDone()) {
						readOne();
					}
				}
				catch (IOException ex) {
					this.onFailure.accept(ex);
				}
			}
			finally {
				this.readingCall = null;
				this.lock.unlock();
				handOff();
			}
		}
		else {
			LockSupport.parkNanos(this, call.deadlineNanos - System.nanoTime());
		}
	}

	/** Returns the call whose caller reads now, if any. */
	PendingCall readingCall() {
		return this.readingCall;
	}

	boolean isReading() {
		return this.lock.isLocked();
	}

	private void readOne() throws IOException {
		Frame frame = this.frames.next();
		PendingCall call = this.calls.answered(frame.requestId());
		if (call != null) {
			dispatch(frame, call);
		}
		this.writer.replyRead(call != null && call.isAsync() && !call.lazy, this.frames.hasBufferedFrame());
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

	/** Lets another thread read: a waiting synchronous caller first, else the pump. */
	void handOff() {
		PendingCall next = this.calls.waitingCaller();
		if (next != null) {
			LockSupport.unpark(next.waiter);
			return;
		}
		if (this.calls.asyncPending() > 0) {
			wakePump();
		}
	}

	/**
	 * Makes sure replies to asynchronous calls are read, by the pump if nobody else
	 * reads.
	 */
	void wakePump() {
		Thread current = this.pump;
		if (current == null) {
			synchronized (this) {
				current = this.pump;
				if (current == null) {
					current = new Thread(this::pumpReplies, "shared-state-replies-" + this.address);
					current.setDaemon(true);
					this.pump = current;
					current.start();
					return;
				}
			}
		}
		LockSupport.unpark(current);
	}

	private void pumpReplies() {
		while (!this.stopped) {
			if (this.calls.asyncPending() == 0) {
				LockSupport.park(this);
				continue;
			}
			this.lock.lock();
			try {
				while (this.calls.asyncPending() > 0 && !this.stopped) {
					readOne();
				}
			}
			catch (IOException ex) {
				this.onFailure.accept(ex);
			}
			finally {
				this.lock.unlock();
				handOff();
			}
		}
	}

	/** Stops the pump; the connection is gone. */
	void stop() {
		this.stopped = true;
		Thread current = this.pump;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

}
