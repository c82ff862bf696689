package io.prodline.serving.management;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.prodline.serving.tls.PlainHttpRefusal;

/**
 * The pipeline of a management connection: TLS when the server has it (the bearer token must not cross the network
 * in clear text where the model API does not), HTTP/1.1 codec, small bodies only (64 KiB), then the API.
 */
public final class ManagementChannelInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final ManagementApi api;
  private final ChannelGroup connections;
  private final SslContext tls;

  /**
   * @param connections every open connection joins it, so the server can close them on stop
   * @param tls the TLS context every connection starts with, or {@code null} for plain HTTP
   */
  public ManagementChannelInitializer(ManagementApi api, ChannelGroup connections, SslContext tls) {
    this.api = api;
    this.connections = connections;
    this.tls = tls;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    if (tls != null) {
      pipeline.addLast("plain-http-refusal", new PlainHttpRefusal());
      pipeline.addLast("tls", tls.newHandler(channel.alloc()));
    }
    pipeline
        .addLast("http", new HttpServerCodec())
        .addLast("aggregate", new HttpObjectAggregator(MAX_BODY_BYTES))
        .addLast("management", new ManagementHandler(api));
  }
}
