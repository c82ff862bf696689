package io.prodline.serving.rest;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one connection's requests to {@link ModelApi} and writes the answers back, one request at a time.
 *
 * <p>Answers are produced asynchronously, so a pipelining client could otherwise get them out of order; HTTP/1.1
 * requires request order. Requests that arrive while one is running wait in a queue. Reading from the socket pauses
 * only when {@link #MAX_WAITING} requests wait, so a fast client cannot queue unboundedly; it is not paused for
 * every request, because turning reading off and on costs two system calls and an extra read per request, a large
 * share of a small request's cost. All state is touched only on the connection's event loop, hence no locking.
 * One instance per connection.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  /** Pipelined requests a connection may have waiting before its socket is no longer read. */
  static final int MAX_WAITING = 16;
  /** The event of {@link InFlightRequests#closeIdle}: an idle keep-alive connection closes at once. */
  static final Object CLOSE_IF_IDLE = new Object();

  /**
   * What is kept of a request: the body is copied so the pooled buffer is released at once; the headers are not
   * pooled and are kept as they are.
   */
  private record Pending(HttpMethod method, String uri, HttpHeaders headers, RequestBody body, HttpVersion version,
      boolean keepAlive) {}

  private final ModelApi api;
  private final InFlightRequests inFlight;
  private final int maxBodyBytes;
  private final Queue<Pending> waiting = new ArrayDeque<>();
  private final ClientConnection connection = new ClientConnection();
  private boolean busy;

  ApiHandler(ModelApi api, InFlightRequests inFlight, int maxBodyBytes) {
    this.api = api;
    this.inFlight = inFlight;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      api.countRefused(request.uri(), HttpResponseStatus.BAD_REQUEST);
      ApiResponse answer = ApiResponse.error(HttpResponseStatus.BAD_REQUEST,
          "malformed HTTP request: " + request.decoderResult().cause().getMessage());
      ctx.writeAndFlush(JsonResponses.of(request.protocolVersion(), answer, false, null))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    String coding;
    try {
      coding = ContentEncoding.coding(request.headers().get(HttpHeaderNames.CONTENT_ENCODING));
    } catch (ContentEncoding.RefusedBody refused) {
      api.countRefused(request.uri(), refused.answer().status());
      // Answered at once, out of turn, so the connection closes after it: a pipelined request behind could
      // otherwise see its answer first.
      ctx.writeAndFlush(JsonResponses.of(request.protocolVersion(), refused.answer(), false, null))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    RequestBody body = RequestBody.encoded(ByteBufUtil.getBytes(request.content()), coding, maxBodyBytes);
    waiting.add(new Pending(request.method(), request.uri(), request.headers(), body, request.protocolVersion(),
        HttpUtil.isKeepAlive(request)));
    if (waiting.size() >= MAX_WAITING) {
      ctx.channel().config().setAutoRead(false);
    }
    next(ctx);
  }

  private void next(ChannelHandlerContext ctx) {
    if (busy || waiting.isEmpty()) {
      return;
    }
    Pending request = waiting.poll();
    busy = true;
    inFlight.begin();
    // HEAD is GET without the body (RFC 9110): routed as GET, answered with the headers only.
    boolean head = HttpMethod.HEAD.equals(request.method());
    api.handle(head ? HttpMethod.GET : request.method(), request.uri(), request.headers(), request.body(),
        connection).whenComplete((answer, failure) -> {
      // Built on the thread that completed the answer, a prediction worker for predictions, so that gzipping a
      // large answer never holds the event loop.
      FullHttpResponse response = responseOrInternalError(request, answer, failure);
      if (ctx.executor().inEventLoop()) {
        write(ctx, response);
      } else {
        ctx.executor().execute(() -> write(ctx, response));
      }
    });
  }

  /**
   * The answer as an HTTP response; a 500 when there is no answer or it cannot be put on the wire, so that the
   * connection's next request is never left waiting behind one that was not answered.
   */
  private static FullHttpResponse responseOrInternalError(Pending request, ApiResponse answer, Throwable failure) {
    if (failure == null) {
      try {
        return response(request, named(request, answer));
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    LOG.error("{} {}: no answer could be written", request.method(), request.uri(), failure);
    return response(request, ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
        "the server could not write its answer to " + request.method() + " " + request.uri()
            + "; the details are in the server log"));
  }

  /**
   * The answer naming the request the client named ({@link ApiResponse#REQUEST_ID}), when the API did not already
   * name it: answers refused before any API looked at the request (an unknown path, a wrong method) included.
   */
  private static ApiResponse named(Pending request, ApiResponse answer) {
    if (answer.headers().containsKey(ApiResponse.REQUEST_ID)) {
      return answer;
    }
    return answer.withRequestId(request.headers().get(ApiResponse.REQUEST_ID_HEADER));
  }

  private static FullHttpResponse response(Pending request, ApiResponse answer) {
    boolean head = HttpMethod.HEAD.equals(request.method());
    // Accept-Encoding is read only now, so that a small answer (nearly all of them) never parses it, nor a HEAD.
    FullHttpResponse response = JsonResponses.of(request.version(), answer, request.keepAlive(),
        head ? null : request.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
    return head ? response.replace(Unpooled.EMPTY_BUFFER) : response; // HEAD: Content-Length still the GET body's
  }

  private void write(ChannelHandlerContext ctx, FullHttpResponse response) {
    if (inFlight.draining() && waiting.isEmpty()) {
      // The server is stopping: the last answer owed closes the connection (the keep-alive handler closes it after
      // a "Connection: close" answer), so the client's next request opens a connection, which the load balancer
      // sends elsewhere, rather than reach a server about to refuse it.
      HttpUtil.setKeepAlive(response, false);
    }
    ctx.writeAndFlush(response)
        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE)
        .addListener(done -> {
          inFlight.end();
          busy = false;
          if (!ctx.channel().config().isAutoRead() && waiting.size() < MAX_WAITING) {
            ctx.channel().config().setAutoRead(true);
          }
          next(ctx);
        });
  }

  /**
   * {@link #CLOSE_IF_IDLE}: a stopping server closes the connection now when it owes no answer; otherwise its last
   * answer closes it ({@link #write}).
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    // A stopping server's, or the idle timeout's (one in the middle of a request is answered before this one).
    if (event == CLOSE_IF_IDLE || event instanceof IdleStateEvent) {
      if (!busy && waiting.isEmpty()) {
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  /** The client is gone: its waiting requests are dropped and the running one abandoned. */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    waiting.clear();
    connection.closed();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
