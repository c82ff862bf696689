package io.prodline.serving.rest;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/**
 * The pipeline of every connection: HTTP/1.1 codec, keep-alive bookkeeping (closes the connection after an
 * answer when the client or the answer asks for it), the body-size limit, then the API.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ModelApi api;
  private final int maxBodyBytes;

  public HttpChannelInitializer(ModelApi api, int maxBodyBytes) {
    this.api = api;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("http", new HttpServerCodec());
    pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
    pipeline.addLast("body-limit", new BodyLimitAggregator(maxBodyBytes));
    pipeline.addLast("api", new ApiHandler(api));
  }
}
