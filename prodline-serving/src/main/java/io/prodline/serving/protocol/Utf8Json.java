package io.prodline.serving.protocol;

import io.prodline.core.text.StrictUtf8;

/**
 * Refuses JSON that is not well-formed UTF-8, the one encoding RFC 8259 allows and TF Serving and KServe expect,
 * before it is parsed. The parser would otherwise detect UTF-16 or UTF-32 as RFC 4627 did, by a byte-order mark or
 * a zero byte among the first two, and read such a body as characters, without the byte offsets a decoder cuts the
 * body by.
 */
public final class Utf8Json {
  private Utf8Json() {}

  /**
   * Refuses the first {@code length} bytes of {@code json} when the parser would read them as UTF-16 or UTF-32, or
   * they are not well-formed UTF-8 (Unicode's table 3-7, as the JDK's decoder holds it).
   *
   * @throws BadRequestException naming the encoding to send
   */
  public static void require(byte[] json, int length) {
    if (length >= 2 && (json[0] == 0 || json[1] == 0 || bom(json[0], json[1]))) {
      throw new BadRequestException("the JSON is encoded as UTF-16 or UTF-32 (it starts with a byte-order mark or "
          + "a zero byte); send it encoded as UTF-8");
    }
    // The parser decodes overlong forms (0xC0 0xAF as "/") and code points above U+10FFFF without a word, and
    // words other bad bytes as a misplaced quote; ASCII, nearly every body, is stepped over eight bytes at a time.
    int bad = StrictUtf8.firstInvalid(json, 0, length);
    if (bad >= 0) {
      throw new BadRequestException("the JSON is not well-formed UTF-8: byte " + bad
          + String.format(" (0x%02X)", json[bad] & 0xFF) + " starts no well-formed UTF-8 sequence; send it encoded"
          + " as UTF-8");
    }
  }

  /** Whether the bytes open a UTF-16 byte-order mark, big- or little-endian (a UTF-32LE one starts the same). */
  private static boolean bom(byte first, byte second) {
    return first == (byte) 0xFE && second == (byte) 0xFF || first == (byte) 0xFF && second == (byte) 0xFE;
  }
}
