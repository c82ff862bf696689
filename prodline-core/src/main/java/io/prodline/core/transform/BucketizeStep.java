package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Bucket index on fitted boundaries {@code b[0] < b[1] < ... < b[n-1]}: {@code y = #{i : b[i] <= x}}, so bucket
 * 0 holds x &lt; b[0] and bucket n holds x &gt;= b[n-1] (TensorFlow's {@code Bucketize} rule); NaN stays NaN.
 */
public record BucketizeStep(double[] boundaries) implements NumericStep {
  @JsonCreator
  public BucketizeStep(@JsonProperty("boundaries") double[] boundaries) {
    this.boundaries = boundaries.clone();
    for (int i = 0; i < boundaries.length; i++) {
      this.boundaries[i] += 0.0; // -0.0 becomes 0.0, so the search below compares numerically
    }
    for (int i = 1; i < boundaries.length; i++) {
      if (!(boundaries[i - 1] < boundaries[i])) {
        throw new IllegalArgumentException("bucket boundaries must increase strictly, got "
            + Arrays.toString(boundaries));
      }
    }
  }

  @Override
  public double[] boundaries() {
    return boundaries.clone();
  }

  @Override
  public void apply(double[] values) {
    for (int i = 0; i < values.length; i++) {
      double x = values[i];
      if (!Double.isNaN(x)) {
        // binarySearch gives the insertion point for values between boundaries: the count of boundaries < x.
        int found = Arrays.binarySearch(boundaries, x + 0.0);
        values[i] = found >= 0 ? found + 1 : -found - 1;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketizeStep b && Arrays.equals(b.boundaries, boundaries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(boundaries);
  }

  @Override
  public String toString() {
    return "BucketizeStep" + Arrays.toString(boundaries);
  }
}
