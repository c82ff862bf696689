package io.prodline.train.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a candidate model may ship: checks every {@link MetricThreshold} against the candidate's
 * evaluation and, where asked, against the baseline's, and runs the fairness check. The candidate and baseline
 * should be evaluated on the same rows with the same slices, or their comparison means little.
 */
public final class ModelValidator {
  private ModelValidator() {}

  /**
   * @param baseline the evaluation of the model in production, or null when there is none
   * @param fairness the fairness check to run, or null for none
   */
  public static Blessing validate(Evaluation candidate, Evaluation baseline, List<MetricThreshold> thresholds,
                                  FairnessCheck fairness) {
    if (baseline != null && baseline.task() != candidate.task()) {
      throw new IllegalArgumentException("the candidate is a " + candidate.task().fileName()
          + " model but the baseline is a " + baseline.task().fileName() + " model; they cannot be compared");
    }
    List<Reason> reasons = new ArrayList<>();
    for (MetricThreshold threshold : thresholds) {
      reasons.addAll(ThresholdCheck.check(threshold, candidate, baseline));
    }
    boolean blessed = reasons.stream().allMatch(Reason::passed);
    List<FairnessFlag> flags = fairness == null ? List.of() : fairness.flags(candidate);
    return new Blessing(blessed, reasons, flags);
  }
}
