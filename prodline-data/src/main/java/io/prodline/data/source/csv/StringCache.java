package io.prodline.data.source.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hands out one {@link String} per distinct short ASCII cell, so a categorical column of a few values costs a
 * hash of the bytes per cell instead of a new string, and the column's dictionary lookup then hits on identity.
 * A fixed table of recent values, overwritten on collision: memory stays bounded on columns of unique text.
 */
final class StringCache {
  private static final int SLOTS = 512;
  private static final int MAX_LENGTH = 32;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];

  /** The text of ASCII bytes {@code bytes[from, to)}. */
  String ascii(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
    int hash = length;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    byte[] key = keys[slot];
    if (key != null && Arrays.equals(key, 0, key.length, bytes, from, to)) {
      return values[slot];
    }
    String value = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    keys[slot] = Arrays.copyOfRange(bytes, from, to);
    values[slot] = value;
    return value;
  }
}
