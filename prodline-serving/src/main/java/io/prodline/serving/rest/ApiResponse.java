package io.prodline.serving.rest;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.protocol.ErrorBody;

/**
 * An answer before it is put on the wire: status, JSON body and, for 405, the method the path allows.
 *
 * @param allow the method to name in the {@code Allow} header, or {@code null}
 * @param headers headers set over the standard ones, e.g. the content type and JSON length of a KServe v2 answer
 *     with binary tensor data
 */
public record ApiResponse(HttpResponseStatus status, byte[] body, HttpMethod allow, HttpHeaders headers) {
  /** An answer with only the standard headers. */
  public ApiResponse(HttpResponseStatus status, byte[] body, HttpMethod allow) {
    this(status, body, allow, EmptyHttpHeaders.INSTANCE);
  }

  static ApiResponse ok(byte[] body) {
    return new ApiResponse(HttpResponseStatus.OK, body, null);
  }

  static ApiResponse error(HttpResponseStatus status, String message) {
    return new ApiResponse(status, ErrorBody.encode(message), null);
  }

  static ApiResponse methodNotAllowed(HttpMethod used, HttpMethod allowed, String path) {
    return new ApiResponse(HttpResponseStatus.METHOD_NOT_ALLOWED,
        ErrorBody.encode("method " + used + " is not allowed on " + path + "; use " + allowed), allowed);
  }
}
