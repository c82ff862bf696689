package io.prodline.core.text;

/**
 * Finds bytes that are not well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF), the same bytes the JDK's decoder reports, without decoding or allocating.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * The index of the first byte of the first ill-formed sequence in {@code bytes[from, to)}, or -1. Plain ASCII is
   * stepped over 32 bytes at a time.
   */
  public static int firstInvalid(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      // Four words a step, their high bits tested together: one branch per 32 bytes of ASCII, not four.
      while (i + 32 <= to && !EightBytes.nonAscii(EightBytes.at(bytes, i) | EightBytes.at(bytes, i + 8)
          | EightBytes.at(bytes, i + 16) | EightBytes.at(bytes, i + 24))) {
        i += 32;
      }
      while (i + 8 <= to && !EightBytes.nonAscii(EightBytes.at(bytes, i))) {
        i += 8;
      }
      if (i == to) {
        break;
      }
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int low = 0x80;
      int high = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i;
      }
      if (i + length > to) {
        return i;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < low || second > high) {
        return i;
      }
      for (int j = 2; j < length; j++) {
        int next = bytes[i + j] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += length;
    }
    return -1;
  }

  /** The length of the sequence a lead byte announces (1 for ASCII and for bytes that cannot lead). */
  public static int sequenceLength(byte lead) {
    int b = lead & 0xFF;
    if (b >= 0xC2 && b <= 0xDF) {
      return 2;
    }
    if (b >= 0xE0 && b <= 0xEF) {
      return 3;
    }
    return b >= 0xF0 && b <= 0xF4 ? 4 : 1;
  }
}
