package io.prodline.serving.rest;

/**
 * A request's body as it arrived, decompressed only when it is read: by a prediction worker, never by the event loop
 * that received it ({@link ContentEncoding}). Read once; a body is never read by two threads.
 */
public final class RequestBody {
  private final byte[] sent;
  private final String encoding;
  private final int maxBytes;

  private RequestBody(byte[] sent, String encoding, int maxBytes) {
    this.sent = sent;
    this.encoding = encoding;
    this.maxBytes = maxBytes;
  }

  /** A body sent uncompressed. */
  public static RequestBody of(byte[] bytes) {
    return new RequestBody(bytes, null, bytes.length);
  }

  /**
   * A body sent with {@code encoding}, a Content-Encoding value {@link ContentEncoding#checkSupported} accepted
   * (null for none), which may be at most {@code maxBytes} once decompressed.
   */
  static RequestBody encoded(byte[] sent, String encoding, int maxBytes) {
    return new RequestBody(sent, encoding, maxBytes);
  }

  /**
   * The body as the client wrote it, decompressed.
   *
   * @throws io.prodline.serving.protocol.BadRequestException when it does not decompress
   * @throws io.prodline.serving.limits.BodyTooLargeException when it decompresses past the body limit
   */
  public byte[] bytes() {
    return ContentEncoding.decode(encoding, sent, maxBytes);
  }
}
