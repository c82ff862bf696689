package io.prodline.serving.management;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** The pipeline of a management connection: HTTP/1.1 codec, small bodies only (64 KiB), then the API. */
public final class ManagementChannelInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final ManagementApi api;
  private final ChannelGroup connections;

  /** @param connections every open connection joins it, so the server can close them on stop */
  public ManagementChannelInitializer(ManagementApi api, ChannelGroup connections) {
    this.api = api;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel);
    channel.pipeline()
        .addLast("http", new HttpServerCodec())
        .addLast("aggregate", new HttpObjectAggregator(MAX_BODY_BYTES))
        .addLast("management", new ManagementHandler(api));
  }
}
