package io.prodline.core.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at eight bytes of text at once (one {@code long}, first byte lowest), so that scans for separators (of
 * CSV fields, of decimal points) step over the plain text between them a word at a time instead of a byte at a time.
 *
 * <p>{@link #matches} marks the bytes equal to a value with the classic "has zero byte" test: the lowest marked
 * byte is always a true match, but a byte above a match may be marked falsely (the subtraction borrows), so only
 * the lowest mark of a word, or of an OR of several, may be used. Bytes of 0x80 and above are never marked
 * unless above a true match, so multi-byte UTF-8 text cannot pass for a separator.
 */
public final class EightBytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private EightBytes() {}

  /** {@code bytes[index, index + 8)} as a word, the first byte in the lowest bits. */
  public static long at(byte[] bytes, int index) {
    return (long) LONGS.get(bytes, index);
  }

  /**
   * The first bytes of {@code bytes[from, to)}, at most eight, as a word with the bytes past {@code to} zero; read
   * byte by byte only within eight bytes of the array's end.
   */
  public static long head(byte[] bytes, int from, int to) {
    int length = Math.min(to - from, 8);
    if (from + 8 <= bytes.length) {
      return at(bytes, from) & lowBytes(length);
    }
    long word = 0;
    for (int i = from + length - 1; i >= from; i--) {
      word = word << 8 | (bytes[i] & 0xFF);
    }
    return word;
  }

  /** A mask of the lowest {@code count} bytes of a word, 0 to 8. */
  public static long lowBytes(int count) {
    return count == 8 ? -1L : (1L << (count << 3)) - 1;
  }

  /** The high bit of each byte of {@code word} equal to {@code value} (see the class comment for the caveat). */
  public static long matches(long word, byte value) {
    long diff = word ^ (ONES * (value & 0xFF));
    return (diff - ONES) & ~diff & HIGH_BITS;
  }

  /** The index in its word of the lowest byte marked in {@code marks}, which must not be 0. */
  public static int first(long marks) {
    return Long.numberOfTrailingZeros(marks) >>> 3;
  }

  /** The bytes of {@code word} below the lowest byte marked in {@code marks} (all of it when none is). */
  public static long before(long word, long marks) {
    return marks == 0 ? word : word & (((marks & -marks) >>> 7) - 1);
  }

  /** The index of the first byte equal to {@code value} in {@code bytes[from, to)}, a word at a time; -1 if none. */
  public static int indexOf(byte[] bytes, int from, int to, byte value) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long marks = matches(at(bytes, i), value);
      if (marks != 0) {
        return i + first(marks);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Whether any byte of {@code word} is 0x80 or above, so not ASCII. */
  public static boolean nonAscii(long word) {
    return (word & HIGH_BITS) != 0;
  }
}
