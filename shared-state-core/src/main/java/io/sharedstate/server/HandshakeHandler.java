package io.sharedstate.server;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import io.sharedstate.protocol.Handshake;

/**
 * Authenticates a new connection before anything it sends is decoded: greets with a
 * challenge, checks the client's answer, proves the server knows the authkey too, then
 * hands the connection to the frame decoder and the request handler. A client that does
 * not finish within the handshake timeout is closed.
 */
final class HandshakeHandler extends ByteToMessageDecoder {

	private final Handshake.ServerSide handshake;

	private final long timeoutMillis;

	private final Runnable onAuthenticated;

	private final FailureLog failures;

	private ScheduledFuture<?> timeout;

	HandshakeHandler(Handshake.ServerSide handshake, long timeoutMillis, Runnable onAuthenticated,
			FailureLog failures) {
		this.handshake = handshake;
		this.timeoutMillis = timeoutMillis;
		this.onAuthenticated = onAuthenticated;
		this.failures = failures;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		this.timeout = ctx.executor().schedule(() -> {
			this.failures.refused(ctx.channel(), "no authentication within " + this.timeoutMillis + " ms");
			ctx.close();
		}, this.timeoutMillis, TimeUnit.MILLISECONDS);
		ctx.writeAndFlush(Unpooled.wrappedBuffer(this.handshake.greeting()));
		super.channelActive(ctx);
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (in.readableBytes() < Handshake.CLIENT_ANSWER_BYTES) {
			return;
		}
		byte[] answer = new byte[Handshake.CLIENT_ANSWER_BYTES];
		in.readBytes(answer);
		this.timeout.cancel(false);
		try {
			ctx.writeAndFlush(Unpooled.wrappedBuffer(this.handshake.answer(answer)));
		}
		catch (Handshake.Refused ex) {
			this.failures.refused(ctx.channel(), ex.getMessage());
			if (ex.reply() != null) {
				ctx.writeAndFlush(Unpooled.wrappedBuffer(ex.reply())).addListener(ChannelFutureListener.CLOSE);
			}
			else {
				ctx.close();
			}
			return;
		}
		// What the client sent after its answer goes on to the frame decoder.
		this.onAuthenticated.run();
		ctx.pipeline().remove(this);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (this.timeout != null && this.timeout.cancel(false)) {
			this.failures.refused(ctx.channel(), "it disconnected during authentication");
		}
		super.channelInactive(ctx);
	}

}
