package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a categorical feature's category id (in [0, n), or -1 for none: missing, or out of vocabulary without OOV
 * buckets) becomes model inputs.
 */
public enum CategoryEncoding {
  /** One output: the id as a float; NaN for none, which tree models treat as missing. */
  INDEX,
  /** n outputs: 1 at the id's position, 0 elsewhere; all 0 for none. */
  ONE_HOT;

  /** Outputs per row for {@code categories} categories. */
  public int width(int categories) {
    return this == INDEX ? 1 : categories;
  }

  /** Writes each row's id from {@code ids} into the row-major matrix {@code out} at {@code offset}. */
  void write(int[] ids, int categories, float[] out, int stride, int offset) {
    for (int row = 0, pos = offset; row < ids.length; row++, pos += stride) {
      int id = ids[row];
      if (this == INDEX) {
        out[pos] = id < 0 ? Float.NaN : id;
      } else {
        Arrays.fill(out, pos, pos + categories, 0f);
        if (id >= 0) {
          out[pos + id] = 1f;
        }
      }
    }
  }

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CategoryEncoding fromFileName(String name) {
    for (CategoryEncoding e : values()) {
      if (e.fileName().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown encoding '" + name + "': expected index or one_hot");
  }
}
