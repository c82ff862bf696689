package io.prodline.train.tune;

import io.prodline.train.TrainingResult;

/** Told about every finished trial (from the trial's thread), e.g. to record it as a run. */
@FunctionalInterface
public interface TrialListener {
  /** @param result the trial's training result; null when it failed */
  void finished(Trial trial, TrainingResult result);
}
