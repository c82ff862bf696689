package io.prodline.serving.limits;

/**
 * A request body past the server's size limit once decompressed (a raw body past it is refused by the HTTP layer
 * before it is read whole); answered 413 (gRPC RESOURCE_EXHAUSTED, as gRPC answers a message too large).
 */
public final class BodyTooLargeException extends RuntimeException {
  public BodyTooLargeException(String message) {
    super(message, null, false, false);
  }
}
