package io.prodline.train.evaluate;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One slice per interval of a numeric feature between the given boundaries, closed on the left:
 * {@code [-inf, b0), [b0, b1), ..., [bn, inf)}, named e.g. {@code age=[18, 30)}. Every interval is a slice even
 * when no row falls in it; rows with a missing value form a last slice named {@link SliceSpec#MISSING}.
 */
public record BucketSlices(String feature, double[] boundaries) implements SliceSpec {
  public BucketSlices {
    boundaries = boundaries.clone();
    for (int i = 0; i < boundaries.length; i++) {
      if (!Double.isFinite(boundaries[i]) || (i > 0 && boundaries[i] <= boundaries[i - 1])) {
        throw new IllegalArgumentException("bucket boundaries of '" + feature
            + "' must be finite and strictly increasing: " + Arrays.toString(boundaries));
      }
    }
  }

  @Override
  public double[] boundaries() {
    return boundaries.clone();
  }

  @Override
  public SliceAssignment assign(Frame features) {
    Column column = features.column(feature);
    if (!column.type().isNumeric()) {
      throw new IllegalArgumentException("cannot bucket '" + feature + "': it is a string column");
    }
    int buckets = boundaries.length + 1;
    int[] slices = new int[column.size()];
    boolean anyMissing = false;
    for (int row = 0; row < slices.length; row++) {
      double v = column.getDouble(row);
      if (Double.isNaN(v)) {
        anyMissing = true;
        slices[row] = buckets;
      } else {
        slices[row] = bucket(v);
      }
    }
    List<SliceKey> keys = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      double lower = b == 0 ? Double.NEGATIVE_INFINITY : boundaries[b - 1];
      double upper = b == boundaries.length ? Double.POSITIVE_INFINITY : boundaries[b];
      keys.add(SliceKey.of(feature, "[" + NumberText.of(lower) + ", " + NumberText.of(upper) + ")"));
    }
    if (anyMissing) {
      keys.add(SliceKey.of(feature, MISSING));
    }
    return new SliceAssignment(keys, slices);
  }

  /** The number of boundaries at or below {@code v}. */
  private int bucket(double v) {
    int low = 0;
    int high = boundaries.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (boundaries[mid] <= v) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
