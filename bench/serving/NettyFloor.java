import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.nio.charset.StandardCharsets;

/**
 * The JVM's HTTP floor on this machine: Netty (the library prodline's REST port is built on, same version, one
 * event loop per core) answering every request with nginx's fixed body, on the event loop, with no JSON, no model
 * and no hand-off to a worker. Its distance to nginx is what the JVM and Netty cost; prodline's distance to it is
 * what prodline's own request path costs. It runs on the transport prodline prefers: io_uring where the kernel
 * allows it, else epoll; a second argument {@code epoll} forces epoll, for comparing the two. It needs a
 * distribution with Netty's io_uring jars (any since prodline took io_uring up).
 *
 * <p>Run with the source launcher: java -cp 'prodline-app/target/dist/lib/*' bench/serving/NettyFloor.java PORT
 * [auto|io_uring|epoll]
 */
public class NettyFloor {
  private static final ByteBuf BODY = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(
      "{\"predictions\":[0.071450084]}".getBytes(StandardCharsets.US_ASCII))).asReadOnly();

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    String wanted = args.length > 1 ? args[1] : "auto";
    if (!wanted.equals("auto") && !wanted.equals("io_uring") && !wanted.equals("epoll")) {
      throw new IllegalArgumentException("transport must be auto, io_uring or epoll, got " + wanted);
    }
    if (wanted.equals("io_uring") && !IoUring.isAvailable()) {
      throw new IllegalStateException("io_uring is not available here: " + IoUring.unavailabilityCause());
    }
    boolean uring = !wanted.equals("epoll") && IoUring.isAvailable();
    IoHandlerFactory io = uring ? IoUringIoHandler.newFactory() : EpollIoHandler.newFactory();
    Class<? extends ServerChannel> channel = uring ? IoUringServerSocketChannel.class : EpollServerSocketChannel.class;
    System.out.println("Netty alone on " + (uring ? "io_uring" : "epoll"));
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
    new ServerBootstrap().group(loops).channel(channel)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                new HttpObjectAggregator(16 << 20), new FixedAnswer());
          }
        })
        .bind("127.0.0.1", port).sync().channel().closeFuture().sync();
  }

  private static final class FixedAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
          BODY.duplicate());
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.readableBytes());
      ctx.writeAndFlush(response);
    }
  }
}
