package io.sharedstate.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The server's socket transport: Linux's epoll where it is available (edge-triggered,
 * fewer system calls per request), the JDK's selector elsewhere.
 */
final class ServerTransport {

	private static final boolean EPOLL = Epoll.isAvailable();

	private ServerTransport() {
	}

	static EventLoopGroup ioThreads(int threads) {
		IoHandlerFactory handler = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
		return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("shared-state-io", true), handler);
	}

	static Class<? extends ServerChannel> serverChannel() {
		return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
	}

}
