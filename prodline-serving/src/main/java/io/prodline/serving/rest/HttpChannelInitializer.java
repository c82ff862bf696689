package io.prodline.serving.rest;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.prodline.serving.tls.PlainHttpRefusal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every connection: TLS when configured (behind the refusal of plain HTTP), the idle timeout,
 * HTTP/1.1 codec, keep-alive bookkeeping (closes the connection after an answer when the client or the answer asks
 * for it), the body-size limit, then the API.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ModelApi api;
  private final InFlightRequests inFlight;
  private final ChannelGroup connections;
  private final int maxBodyBytes;
  private final SslContext tls;
  private final Duration idleTimeout;

  /**
   * @param connections every open connection is kept here (and leaves on close), so a stop can close idle
   *     keep-alive connections explicitly rather than rely on the event loops' shutdown
   * @param tls the TLS context every connection starts with, or {@code null} for plain HTTP
   * @param idleTimeout how long a connection may send nothing ({@link io.prodline.serving.ServerConfig#idleTimeout});
   *     zero for ever
   */
  public HttpChannelInitializer(ModelApi api, InFlightRequests inFlight, ChannelGroup connections,
      int maxBodyBytes, SslContext tls, Duration idleTimeout) {
    this.api = api;
    this.inFlight = inFlight;
    this.connections = connections;
    this.maxBodyBytes = maxBodyBytes;
    this.tls = tls;
    this.idleTimeout = idleTimeout;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    if (tls != null) {
      pipeline.addLast("plain-http-refusal", new PlainHttpRefusal());
      pipeline.addLast("tls", tls.newHandler(channel.alloc()));
    }
    if (!idleTimeout.isZero()) {
      pipeline.addLast("idle", new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    }
    pipeline.addLast("http", new HttpServerCodec());
    pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
    pipeline.addLast("body-limit", new BodyLimitAggregator(maxBodyBytes, api));
    pipeline.addLast("api", new ApiHandler(api, inFlight, maxBodyBytes));
  }
}
