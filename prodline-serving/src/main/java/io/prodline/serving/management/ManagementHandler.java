package io.prodline.serving.management;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Feeds a connection's management requests to {@link ManagementApi} and writes the answers. Actions can take as
 * long as a model takes to load, so they complete on the lifecycle thread and the answer is written back on the
 * event loop; reading pauses meanwhile so answers go out in request order. One instance per connection.
 */
final class ManagementHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final ManagementApi api;

  ManagementHandler(ManagementApi api) {
    this.api = api;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // Only the version and keep-alive are kept: the request is released when this method returns.
    HttpVersion version = request.protocolVersion();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      write(ctx, version, ManagementResponse.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request"), false);
      return;
    }
    ctx.channel().config().setAutoRead(false);
    api.handle(request.method(), request.uri(), request.headers().get(HttpHeaderNames.AUTHORIZATION),
            ByteBufUtil.getBytes(request.content()))
        .thenAccept(answer -> ctx.executor().execute(() -> {
          write(ctx, version, answer, keepAlive);
          ctx.channel().config().setAutoRead(true);
        }));
  }

  private static void write(ChannelHandlerContext ctx, HttpVersion version, ManagementResponse answer,
      boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(version, answer.status(),
        Unpooled.wrappedBuffer(answer.body()));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    if (answer.status().equals(HttpResponseStatus.UNAUTHORIZED)) {
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"prodline-management\"");
    }
    HttpUtil.setKeepAlive(response, keepAlive);
    ctx.writeAndFlush(response).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE
        : ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
