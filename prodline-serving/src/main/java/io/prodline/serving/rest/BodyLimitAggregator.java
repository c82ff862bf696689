package io.prodline.serving.rest;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates request bodies up to a limit, like {@link HttpObjectAggregator}, but answers an oversized body with
 * the API's JSON error instead of Netty's empty 413, so clients get the same error shape for every failure.
 * Connection handling is Netty's: the rest of an oversized body is discarded and a keep-alive connection stays
 * open when it can.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  private final int maxBodyBytes;

  BodyLimitAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
    if (!(oversized instanceof HttpRequest)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    // As Netty does: a whole message, or a message that is not kept alive and did not ask to continue, leaves
    // nothing worth reading on the connection.
    boolean close = oversized instanceof FullHttpMessage
        || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
    ctx.writeAndFlush(tooLarge(oversized.protocolVersion(), !close))
        .addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  /** Also answers {@code Expect: 100-continue} requests announcing too large a body with the JSON error. */
  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof HttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
      ReferenceCountUtil.release(response);
      return tooLarge(start.protocolVersion(), HttpUtil.isKeepAlive(start));
    }
    return response;
  }

  private HttpResponse tooLarge(HttpVersion version, boolean keepAlive) {
    return JsonResponses.of(version, ApiResponse.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "the request body is larger than the limit of " + maxBodyBytes + " bytes; send fewer instances per request"),
        keepAlive);
  }
}
