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
   * @param subject names the value in the message, e.g. {@code the "b64" value of feature 'city'}
   * @throws BadRequestException when the bytes are not well-formed UTF-8
   */
  public static String decode(byte[] bytes, int from, int to, String subject) {
    int bad = StrictUtf8.firstInvalid(bytes, from, to);
    if (bad >= 0) {
      throw refused(bytes, from, bad, subject);
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Element {@code index} of the string tensor {@code input}, {@code bytes[from, to)}, as text. Tensors hold many
   * elements, so the message naming one ({@code input 'city' BYTES element 2}) is built only when it is refused.
   *
   * @param kind how the protocol calls the elements, e.g. {@code BYTES} or {@code string_val}
   */
  public static String element(byte[] bytes, int from, int to, String input, String kind, int index) {
    int bad = StrictUtf8.firstInvalid(bytes, from, to);
    if (bad >= 0) {
      throw refused(bytes, from, bad, "input '" + input + "' " + kind + " element " + index);
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  private static BadRequestException refused(byte[] bytes, int from, int bad, String subject) {
    return new BadRequestException(subject + " is not UTF-8 text: byte " + (bad - from)
        + String.format(" (0x%02X)", bytes[bad] & 0xFF) + " starts no well-formed UTF-8 sequence; send strings as "
        + "UTF-8");
  }
}
