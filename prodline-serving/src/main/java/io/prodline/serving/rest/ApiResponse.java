package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.prodline.serving.protocol.ErrorBody;
import java.util.HashMap;
import java.util.Map;

/**
 * An answer before it is put on the wire: status, body and its content type, for 405 the method the path
 * allows, and any further headers (such as {@code Retry-After}).
 *
 * @param allow the method to name in the {@code Allow} header, or {@code null}
 * @param headers further response headers by name, e.g. the JSON length of a KServe v2 answer with binary tensor
 *     data
 */
public record ApiResponse(HttpResponseStatus status, byte[] body, HttpMethod allow, String contentType,
    Map<String, String> headers) {
  public static final String JSON = "application/json";
  /**
   * The header naming a request, on both REST APIs: the client's names its request in the prediction log, and the
   * answer carries back the id the request went by.
   */
  public static final String REQUEST_ID = "X-Request-Id";
  /** {@link #REQUEST_ID} for looking it up in a request's headers, its case-insensitive hash computed once. */
  public static final AsciiString REQUEST_ID_HEADER = AsciiString.cached(REQUEST_ID);

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer without further headers. */
  public ApiResponse(HttpResponseStatus status, byte[] body, HttpMethod allow) {
    this(status, body, allow, JSON, Map.of());
  }

  public static ApiResponse of(HttpResponseStatus status, String contentType, byte[] body) {
    return new ApiResponse(status, body, null, contentType, Map.of());
  }

  /** This answer with one more header. */
  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, body, allow, contentType, more);
  }

  /**
   * This answer naming the request it answers ({@link #REQUEST_ID}); unchanged for a request without an id, or
   * with one that cannot be a header value (a body's {@code id} may hold a line break or any Unicode).
   */
  public ApiResponse withRequestId(String requestId) {
    return requestId == null || !isHeaderText(requestId) ? this : withHeader(REQUEST_ID, requestId);
  }

  /** Printable ASCII (and spaces), at most 256 characters: what every proxy passes on unchanged. */
  private static boolean isHeaderText(String value) {
    if (value.isEmpty() || value.length() > 256) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  public static ApiResponse ok(byte[] body) {
    return new ApiResponse(HttpResponseStatus.OK, body, null);
  }

  public static ApiResponse error(HttpResponseStatus status, String message) {
    return new ApiResponse(status, ErrorBody.encode(message), null);
  }

  /** 405 for {@code used} on {@code path}, naming the method {@code allowed} there in the sentence and in Allow. */
  public static ApiResponse methodNotAllowed(HttpMethod used, HttpMethod allowed, String path) {
    return new ApiResponse(HttpResponseStatus.METHOD_NOT_ALLOWED,
        ErrorBody.encode("method " + used + " is not allowed on " + path + "; use " + allowed), allowed);
  }
}
