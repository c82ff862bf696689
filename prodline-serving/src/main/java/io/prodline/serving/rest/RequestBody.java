package io.prodline.serving.rest;

/**
 * A request's body as it arrived, decompressed only when it is read: by a prediction worker, never by the event loop
 * that received it ({@link ContentEncoding}). Read once; a body is never read by two threads.
 */
public final class RequestBody {
  private final byte[] sent;
  private final String coding;
  private final int maxBytes;

  private RequestBody(byte[] sent, String coding, int maxBytes) {
    this.sent = sent;
    this.coding = coding;
    this.maxBytes = maxBytes;
  }

  /** A body sent uncompressed. */
  public static RequestBody of(byte[] bytes) {
    return new RequestBody(bytes, "identity", bytes.length);
  }

  /**
   * A body sent with {@code coding} ({@link ContentEncoding#coding}), which may be at most {@code maxBytes} once
   * decompressed.
   */
  static RequestBody encoded(byte[] sent, String coding, int maxBytes) {
    return new RequestBody(sent, coding, maxBytes);
  }

  /**
   * The body as the client wrote it, decompressed.
   *
   * @throws io.prodline.serving.protocol.BadRequestException when it does not decompress
   * @throws io.prodline.serving.limits.BodyTooLargeException when it decompresses past the body limit
   */
  public byte[] bytes() {
    return ContentEncoding.decode(coding, sent, maxBytes);
  }
}
