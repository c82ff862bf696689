package io.prodline.data.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Closed interval [{@code min}, {@code max}] that every finite value of a numeric feature must lie in; either
 * bound may be absent (null) for no limit on that side.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueRange(Double min, Double max) {
  public ValueRange {
    if (min != null && !Double.isFinite(min) || max != null && !Double.isFinite(max)) {
      throw new IllegalArgumentException("range bounds must be finite numbers, got [" + min + ", " + max + "]");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("range min " + min + " is above max " + max);
    }
  }

  /** Whether {@code value} is within the bounds. */
  public boolean contains(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }
}
