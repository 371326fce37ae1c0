package io.sharedstate.server;

import java.util.List;

import com.esotericsoftware.kryo.io.Input;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import io.sharedstate.protocol.Frames;
import io.sharedstate.protocol.ProtocolException;

/**
 * Cuts a connection's bytes into request frames. A buffer grows with the bytes that
 * actually arrived, never with the size a frame announces; a frame over the limit closes
 * the connection; a large frame that does not fit the server-wide budget is skipped as it
 * arrives and refused with an error reply, so the connection survives.
 */
final class FrameDecoder extends ByteToMessageDecoder {

	private final int maxFrameBytes;

	private final FrameBudget budget;

	private long reserved;

	private long skipping;

	private int skippedRequestId;

	private volatile long lastFrameNanos = System.nanoTime();

	FrameDecoder(int maxFrameBytes, FrameBudget budget) {
		this.maxFrameBytes = maxFrameBytes;
		this.budget = budget;
	}

	/**
	 * Returns when the last complete frame arrived.
	 * @return a {@link System#nanoTime()}
	 */
	long lastFrameNanos() {
		return this.lastFrameNanos;
	}

	/**
	 * Returns whether part of a frame has arrived and the rest has not.
	 * @return whether a frame is incomplete
	 */
	boolean hasPartialFrame() {
		return this.skipping > 0 || (internalBuffer() != null && internalBuffer().isReadable());
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws ProtocolException {
		while (true) {
			if (this.skipping > 0) {
				int skipped = (int) Math.min(this.skipping, in.readableBytes());
				in.skipBytes(skipped);
				this.skipping -= skipped;
				if (this.skipping > 0) {
					return;
				}
				out.add(new Refused(this.skippedRequestId,
						"The request was refused unread: the manager holds " + this.budget.held()
								+ " bytes of large frames from other clients, at its limit of " + this.budget.limit()
								+ " bytes. Retry later, or send smaller values."));
			}
			if (in.readableBytes() < Frames.BODY_OFFSET) {
				return;
			}
			int start = in.readerIndex();
			int length = in.getIntLE(start);
			Frames.checkLength(length, this.maxFrameBytes);
			int total = Frames.LENGTH_BYTES + length;
			if (total > Frames.SMALL_FRAME_BYTES && this.reserved == 0) {
				if (!this.budget.reserve(total)) {
					this.skippedRequestId = in.getIntLE(start + Frames.REQUEST_ID_OFFSET);
					this.skipping = total;
					continue;
				}
				this.reserved = total;
			}
			if (in.readableBytes() < total) {
				return;
			}
			byte[] bytes = new byte[total];
			in.readBytes(bytes);
			releaseReservation();
			this.lastFrameNanos = System.nanoTime();
			out.add(Frames.read(bytes, 0, new Input()));
		}
	}

	private void releaseReservation() {
		if (this.reserved > 0) {
			this.budget.release(this.reserved);
			this.reserved = 0;
		}
	}

	@Override
	protected void handlerRemoved0(ChannelHandlerContext ctx) {
		releaseReservation();
	}

	/**
	 * A request the decoder refused without reading it.
	 *
	 * @param requestId the request's id
	 * @param reason why
	 */
	record Refused(int requestId, String reason) {

	}

}
