package io.prodline.train.evaluate;

import io.prodline.core.frame.Frame;

/**
 * How to cut the evaluation rows into slices, so a model that is good on average but bad for one group is seen.
 * A spec looks only at the raw feature columns of the evaluated rows.
 */
public sealed interface SliceSpec permits FeatureValueSlices, BucketSlices, CrossSlices {
  /** The value shown for a row whose feature is missing (null, or NaN in a float column). */
  String MISSING = "(missing)";

  /** Gives every row of {@code features} its slice. */
  SliceAssignment assign(Frame features);

  /** One slice per distinct value of a (categorical) feature. */
  static SliceSpec values(String feature) {
    return new FeatureValueSlices(feature);
  }

  /**
   * One slice per interval of a numeric feature: {@code [-inf, b0), [b0, b1), ..., [bn, inf)} for strictly
   * increasing finite {@code boundaries}. Every interval is reported, empty ones with a count of 0.
   */
  static SliceSpec buckets(String feature, double... boundaries) {
    return new BucketSlices(feature, boundaries);
  }

  /** One slice per combination of a slice of {@code first} and a slice of {@code second} that has rows. */
  static SliceSpec cross(SliceSpec first, SliceSpec second) {
    return new CrossSlices(first, second);
  }
}
