package io.sharedstate.server;

import javax.net.ssl.SSLEngine;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;

import io.sharedstate.protocol.Handshake;

/**
 * Sets up a new connection: TLS if configured, then the authkey handshake, which hands
 * over to the frame decoder and the request handler once the client has proved itself.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {

	private final ManagerServer server;

	ConnectionInitializer(ManagerServer server) {
		this.server = server;
	}

	@Override
	protected void initChannel(SocketChannel channel) {
		ChannelPipeline pipeline = channel.pipeline();
		ServerOptions options = this.server.options();
		if (options.sslContext() != null) {
			SSLEngine engine = options.sslContext().createSSLEngine();
			engine.setUseClientMode(false);
			engine.setNeedClientAuth(options.clientCertificateRequired());
			pipeline.addLast("tls", new SslHandler(engine));
		}
		Handshake.ServerSide handshake = new Handshake.ServerSide(options.authkey(), this.server.terms());
		pipeline.addLast("handshake", new HandshakeHandler(handshake, options.handshakeTimeout().toMillis(), () -> {
			FrameDecoder decoder = new FrameDecoder(options.maxFrameBytes(), this.server.frameBudget());
			pipeline.addAfter("handshake", "frames", decoder);
			pipeline.addAfter("frames", "requests", this.server.connectionOpened(decoder));
		}, this.server.failures()));
	}

}
