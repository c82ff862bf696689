package io.prodline.train.split;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.text.ShortestDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Splits rows into train and eval deterministically by hashing a key, so the same row lands on the same side
 * on every run and every machine, and new rows never move old ones.
 *
 * <p>The key is the value of {@code keyColumn} (its text form), or, without a key column, the row's whole
 * content (every value's text followed by U+001F). A value's text is what {@link String#valueOf(Object)} gives its
 * boxed value ({@code null} for a missing one), except that a float64 is written in its shortest form
 * ({@link ShortestDecimal}, as {@link Double#toString} writes it from Java 19 on): Java 17's is longer for about 0.3%
 * of all bit patterns, so the split would otherwise depend on the Java version. A row goes to eval when {@code
 * hash(key) mod 10000 < evalFraction * 10000}, with the 64-bit FNV-1a hash of the key's UTF-8 bytes and {@code
 * seed}, finished by the MurmurHash3 mixer. Identical rows therefore land together, which keeps duplicated rows from
 * leaking from train into eval.
 */
public final class HashSplit {
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final char SEPARATOR = '\u001f';

  private final double evalFraction;
  private final String keyColumn;
  private final long seed;

  /** The two sides of a split, as row indices in ascending order. */
  public record Result(int[] trainRows, int[] evalRows) {}

  public HashSplit(double evalFraction, String keyColumn, long seed) {
    if (!(evalFraction > 0 && evalFraction < 1)) {
      throw new IllegalArgumentException("eval fraction must be between 0 and 1 (exclusive), got " + evalFraction);
    }
    this.evalFraction = evalFraction;
    this.keyColumn = keyColumn;
    this.seed = seed;
  }

  public Result split(Frame frame) {
    int threshold = (int) Math.round(evalFraction * 10_000);
    Column[] key = new Column[keyColumn != null ? 1 : frame.columnCount()];
    for (int c = 0; c < key.length; c++) {
      key[c] = keyColumn != null ? frame.column(keyColumn) : frame.column(c);
    }
    // Each row's side depends on that row alone, so rows are hashed on every core: writing a row's values as text
    // was about a seventh of a 1M-row training's CPU, on the one thread that everything else waits for.
    boolean[] toEval = new boolean[frame.rowCount()];
    IntStream.range(0, toEval.length).parallel()
        .forEach(row -> toEval[row] = Long.remainderUnsigned(keyHash(key, row), 10_000) < threshold);
    int[] train = new int[toEval.length];
    int[] eval = new int[toEval.length];
    int nTrain = 0;
    int nEval = 0;
    for (int row = 0; row < toEval.length; row++) {
      if (toEval[row]) {
        eval[nEval++] = row;
      } else {
        train[nTrain++] = row;
      }
    }
    return new Result(Arrays.copyOf(train, nTrain), Arrays.copyOf(eval, nEval));
  }

  /** The hash of a row's key: its values' text goes straight into the hash, value by value, not into a string. */
  private long keyHash(Column[] key, int row) {
    long h = start(seed);
    for (Column column : key) {
      h = add(h, text(column, row));
      if (keyColumn == null) {
        h = add(h, SEPARATOR);
      }
    }
    return finish(h);
  }

  private static String text(Column column, int row) {
    if (column.type() == ColumnType.FLOAT64 && !column.isNull(row)) {
      return ShortestDecimal.of(column.getDouble(row));
    }
    return String.valueOf(column.get(row));
  }

  /** The hash of {@code key} as {@link #split} hashes a key: FNV-1a over its UTF-8 bytes, then the mixer. */
  static long hash(String key, long seed) {
    return finish(add(start(seed), key));
  }

  private static long start(long seed) {
    return 0xcbf29ce484222325L ^ seed;
  }

  private static long add(long h, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // Beyond ASCII a character is more than one byte: hash the rest as encoded.
        for (byte b : text.substring(i).getBytes(StandardCharsets.UTF_8)) {
          h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
      }
      h = (h ^ c) * FNV_PRIME;
    }
    return h;
  }

  private static long add(long h, char ascii) {
    return (h ^ ascii) * FNV_PRIME;
  }

  /** MurmurHash3's fmix64: FNV alone leaves the low bits poorly mixed. */
  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
