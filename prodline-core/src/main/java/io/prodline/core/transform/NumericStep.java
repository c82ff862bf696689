package io.prodline.core.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One fitted, apply-only operation on a numeric feature's values, in double precision; a feature's steps run in
 * order and the last result is cast to float.
 *
 * <p>NaN stands for a missing value throughout: only {@link FillStep} replaces it, every other step leaves it NaN.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FillStep.class, name = "fill"),
    @JsonSubTypes.Type(value = Log1pStep.class, name = "log1p"),
    @JsonSubTypes.Type(value = ClipStep.class, name = "clip"),
    @JsonSubTypes.Type(value = ScaleStep.class, name = "scale_to_0_1"),
    @JsonSubTypes.Type(value = ZScoreStep.class, name = "zscore"),
    @JsonSubTypes.Type(value = BucketizeStep.class, name = "bucketize")
})
public sealed interface NumericStep permits FillStep, Log1pStep, ClipStep, ScaleStep, ZScoreStep, BucketizeStep {
  /** Replaces every element of {@code values} by this step's result for it. */
  void apply(double[] values);

  /** Runs {@code steps} in order over {@code values}, in place. */
  static void applyAll(List<NumericStep> steps, double[] values) {
    for (NumericStep step : steps) {
      step.apply(values);
    }
  }
}
