package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.protocol.ErrorBody;

/**
 * An answer before it is put on the wire: status, JSON body and, for 405, the method the path allows.
 *
 * @param allow the method to name in the {@code Allow} header, or {@code null}
 */
public record ApiResponse(HttpResponseStatus status, byte[] body, HttpMethod allow) {
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
