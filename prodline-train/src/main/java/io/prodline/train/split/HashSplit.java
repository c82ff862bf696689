package io.prodline.train.split;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits rows into train and eval deterministically by hashing a key, so the same row lands on the same side
 * on every run and every machine, and new rows never move old ones.
 *
 * <p>The key is the value of {@code keyColumn} (its text form), or, without a key column, the row's whole
 * content (every value joined by U+001F). A row goes to eval when {@code hash(key) mod 10000 < evalFraction *
 * 10000}, with the 64-bit FNV-1a hash of the key's UTF-8 bytes and {@code seed}, finished by the MurmurHash3
 * mixer. Identical rows therefore land together, which keeps duplicated rows from leaking from train into eval.
 */
public final class HashSplit {
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
    int[] train = new int[frame.rowCount()];
    int[] eval = new int[frame.rowCount()];
    int nTrain = 0;
    int nEval = 0;
    StringBuilder key = new StringBuilder();
    for (int row = 0; row < frame.rowCount(); row++) {
      key.setLength(0);
      if (keyColumn != null) {
        key.append(frame.column(keyColumn).get(row));
      } else {
        for (int c = 0; c < frame.columnCount(); c++) {
          Column col = frame.column(c);
          key.append(col.get(row)).append('\u001f');
        }
      }
      long bucket = Long.remainderUnsigned(hash(key.toString(), seed), 10_000);
      if (bucket < threshold) {
        eval[nEval++] = row;
      } else {
        train[nTrain++] = row;
      }
    }
    return new Result(Arrays.copyOf(train, nTrain), Arrays.copyOf(eval, nEval));
  }

  static long hash(String key, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    // MurmurHash3 fmix64: FNV alone leaves the low bits poorly mixed.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
