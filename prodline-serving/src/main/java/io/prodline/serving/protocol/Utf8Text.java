package io.prodline.serving.protocol;

import io.prodline.core.text.StrictUtf8;
import java.nio.charset.StandardCharsets;

/**
 * Text that a request sends as bytes (TF Serving's {@code {"b64": ...}}, the Open Inference Protocol's BYTES in
 * binary data or over gRPC), decoded strictly: prodline strings are text, and bytes that are not well-formed UTF-8
 * are refused with one sentence rather than turned into U+FFFD, which would reach the model as a different string.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * {@code bytes[from, to)} as text.
   *
   * @param subject names the value in the message, e.g. {@code input 'city' BYTES element 2}
   * @throws BadRequestException when the bytes are not well-formed UTF-8
   */
  public static String decode(byte[] bytes, int from, int to, String subject) {
    int bad = StrictUtf8.firstInvalid(bytes, from, to);
    if (bad >= 0) {
      throw new BadRequestException(subject + " is not UTF-8 text: byte " + (bad - from)
          + String.format(" (0x%02X)", bytes[bad] & 0xFF) + " starts no well-formed UTF-8 sequence; send strings as "
          + "UTF-8");
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
