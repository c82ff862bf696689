package io.prodline.serving;

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
import java.util.function.Supplier;

/**
 * The socket implementation: native epoll where the platform has it (fewer copies and wake-ups under load), Java
 * NIO everywhere else, so the server runs on any JVM.
 */
enum Transport {
  EPOLL(EpollIoHandler::newFactory, EpollServerSocketChannel.class),
  NIO(NioIoHandler::newFactory, NioServerSocketChannel.class);

  private final Supplier<IoHandlerFactory> ioHandler;
  private final Class<? extends ServerChannel> serverChannel;

  Transport(Supplier<IoHandlerFactory> ioHandler, Class<? extends ServerChannel> serverChannel) {
    this.ioHandler = ioHandler;
    this.serverChannel = serverChannel;
  }

  static Transport best() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  /** An event loop group of {@code threads} loops. */
  EventLoopGroup newGroup(int threads, String threadName) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName, true), ioHandler.get());
  }

  Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }
}
