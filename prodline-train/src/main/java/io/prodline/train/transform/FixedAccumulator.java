package io.prodline.train.transform;

import io.prodline.core.frame.Frame;
import io.prodline.core.transform.FeatureEncoder;

/** A feature whose encoder needs no training data (a cross, a hash without a most-frequent fill). */
record FixedAccumulator(FeatureEncoder encoder) implements FeatureAccumulator {
  @Override
  public void add(Frame batch) {}

  @Override
  public void merge(FeatureAccumulator other) {}

  @Override
  public FeatureEncoder result() {
    return encoder;
  }
}
