package io.prodline.serving.rest;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Aggregates request bodies up to a limit, like {@link HttpObjectAggregator}, but answers an oversized body with
 * the API's JSON error instead of Netty's empty 413, so clients get the same error shape for every failure.
 * Connection handling is Netty's, with one addition: the rest of an oversized body is discarded and a keep-alive
 * connection stays open when it can; when it cannot (a chunked body has no declared end), the connection lingers
 * before it closes, as nginx's lingering close does. Closing a socket with unread bytes, or bytes still arriving,
 * makes the kernel send a reset, which throws away the 413 the client has not read yet.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  /** How long a connection that is being closed goes on reading (and dropping) what the client still sends. */
  private static final long LINGER_MILLIS = 2_000;

  private static final ChannelFutureListener LINGERING_CLOSE = BodyLimitAggregator::lingeringClose;

  private final int maxBodyBytes;
  /** Counts the requests this handler refuses (413, 408) in the metrics. */
  private final ModelApi api;
  /**
   * The URI of the request whose head has come and the last of its body has not, or null: what the idle timeout
   * looks at, and names in the metrics.
   */
  private String receiving;

  BodyLimitAggregator(int maxBodyBytes, ModelApi api) {
    super(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
    this.api = api;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, HttpObject message, List<Object> out) throws Exception {
    if (message instanceof HttpRequest request) {
      receiving = request.uri();
    }
    if (message instanceof LastHttpContent) { // a FullHttpRequest is both
      receiving = null;
    }
    super.decode(ctx, message, out);
  }

  /**
   * The idle timeout ({@link io.prodline.serving.ServerConfig#idleTimeout}): a client that stopped sending in the
   * middle of a request's body gets 408 and the connection closes, as nginx's {@code client_body_timeout} answers;
   * any other idle connection is the API handler's to judge.
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent && receiving != null) {
      api.countRefused(receiving, HttpResponseStatus.REQUEST_TIMEOUT);
      receiving = null;
      if (ctx.pipeline().get(HttpServerKeepAliveHandler.class) != null) {
        ctx.pipeline().remove(HttpServerKeepAliveHandler.class); // the lingering close closes it, later
      }
      ctx.writeAndFlush(JsonResponses.of(HttpVersion.HTTP_1_1, ApiResponse.error(HttpResponseStatus.REQUEST_TIMEOUT,
          "the rest of the request did not come within the idle timeout; send the whole request at once"), false,
          null)).addListener(LINGERING_CLOSE);
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
    if (!(oversized instanceof HttpRequest request)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    api.countRefused(request.uri(), HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    // As Netty does: after a whole message (a chunked body, which has no declared end), or a message that is not
    // kept alive and did not ask to continue, the connection ends with this answer.
    boolean close = oversized instanceof FullHttpMessage
        || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
    if (close && ctx.pipeline().get(HttpServerKeepAliveHandler.class) != null) {
      // It would close the connection as soon as the answer is written; the lingering close does it later.
      ctx.pipeline().remove(HttpServerKeepAliveHandler.class);
    }
    ctx.writeAndFlush(tooLarge(oversized.protocolVersion(), !close))
        .addListener(close ? LINGERING_CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  /**
   * Ends the output so the client sees the answer end, keeps reading (the aggregator drops the rest of the body,
   * which it no longer aggregates) and closes once the client does, or after {@link #LINGER_MILLIS}.
   */
  private static void lingeringClose(ChannelFuture written) {
    Channel channel = written.channel();
    if (!written.isSuccess()) {
      channel.close();
      return;
    }
    if (channel instanceof SocketChannel socket && channel.pipeline().get(SslHandler.class) == null) {
      socket.shutdownOutput();
    }
    channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Also answers {@code Expect: 100-continue} requests announcing too large a body with the JSON error. */
  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof HttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
      api.countRefused(start instanceof HttpRequest request ? request.uri() : "/",
          HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
      ReferenceCountUtil.release(response);
      return tooLarge(start.protocolVersion(), HttpUtil.isKeepAlive(start));
    }
    return response;
  }

  private HttpResponse tooLarge(HttpVersion version, boolean keepAlive) {
    return JsonResponses.of(version, ApiResponse.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "the request body is larger than the limit of " + maxBodyBytes + " bytes; send fewer instances per request"),
        keepAlive, null);
  }
}
