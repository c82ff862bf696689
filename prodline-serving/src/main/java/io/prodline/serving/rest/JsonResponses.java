package io.prodline.serving.rest;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Builds the HTTP response for an {@link ApiResponse}, so every answer carries the same headers. */
final class JsonResponses {
  private JsonResponses() {}

  /** @param acceptEncoding the request's Accept-Encoding, or null: a large enough body is gzipped if it takes gzip */
  static FullHttpResponse of(HttpVersion version, ApiResponse answer, boolean keepAlive, String acceptEncoding) {
    byte[] compressed = acceptEncoding != null && answer.body().length >= ContentEncoding.MIN_COMPRESSED_BYTES
        && ContentEncoding.acceptsGzip(acceptEncoding) ? ContentEncoding.gzipped(answer.body()) : null;
    byte[] body = compressed != null ? compressed : answer.body();
    FullHttpResponse response = new DefaultFullHttpResponse(version, answer.status(), Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (compressed != null) {
      response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP)
          .set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
    }
    if (answer.allow() != null) {
      response.headers().set(HttpHeaderNames.ALLOW, answer.allow().name());
    }
    answer.headers().forEach(response.headers()::set);
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }
}
