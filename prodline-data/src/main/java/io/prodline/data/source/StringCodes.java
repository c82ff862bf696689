package io.prodline.data.source;

import io.prodline.core.frame.StringColumn;
import io.prodline.core.text.EightBytes;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Appends the short encoded texts of one string column to its builder by dictionary code, so that a category seen
 * recently costs a hash of its bytes and an int store instead of a new string and a map lookup. A fixed table of
 * recent values, overwritten on collision: memory stays bounded on columns of unique text. A truncate of the
 * builder may take codes back, so the table is then replaced by a fresh one. Used by the CSV reader (ASCII cells,
 * decoded as ISO-8859-1, the cheapest decoder that is exact for them) and the columnar Parquet reader (UTF-8).
 */
public final class StringCodes {
  private static final int SLOTS = 512;
  private static final int MAX_LENGTH = 32;

  private final StringColumn.Builder column;
  private final Charset charset;
  /** Per slot: the cell's bytes (null while empty), its first eight bytes as a word, and its code. */
  private final byte[][] keys = new byte[SLOTS][];
  private final long[] heads = new long[SLOTS];
  private final int[] codes = new int[SLOTS];

  /** @param charset how the bytes given to {@link #append} encode text */
  public StringCodes(StringColumn.Builder column, Charset charset) {
    this.column = column;
    this.charset = charset;
  }

  /** Appends the text the bytes {@code bytes[from, to)} encode. */
  public void append(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      column.append(new String(bytes, from, length, charset));
      return;
    }
    long head = EightBytes.head(bytes, from, to);
    // Long values often share their first bytes (a common prefix), so their last eight bytes are hashed too.
    long hash = (head + (length > 8 ? EightBytes.head(bytes, to - 8, to) * 31 : 0)) * 0x9E3779B97F4A7C15L + length;
    int slot = (int) (hash >>> 55);
    byte[] key = keys[slot];
    if (key != null && heads[slot] == head && key.length == length
        && (length <= 8 || Arrays.equals(key, 8, length, bytes, from + 8, to))) {
      column.appendCode(codes[slot]);
      return;
    }
    codes[slot] = column.append(new String(bytes, from, length, charset));
    heads[slot] = head;
    keys[slot] = Arrays.copyOfRange(bytes, from, to);
  }
}
