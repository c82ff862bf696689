package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one slice (or of all rows, the slice {@code overall}).
 *
 * @param slice the slice's name, see {@link SliceKey#name()}
 * @param features slicing feature to value; empty for {@code overall}
 * @param count examples in the slice; an empty slice has no metrics at all
 * @param metrics metric key to value; {@code null} when undefined on this slice
 * @param undefined metric key to the reason it is undefined, for every null in {@code metrics}
 * @param confusionMatrix counts, rows the actual class and columns the predicted class, in class order;
 *     classification only
 * @param calibration ten equal-width probability bins; binary classification only
 * @param thresholdSweep precision, recall and F1 at thresholds 0.05, 0.10 .. 0.95; binary classification only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"slice", "features", "count", "metrics", "undefined", "confusion_matrix", "calibration",
    "threshold_sweep"})
public record SliceMetrics(
    @JsonProperty("slice") String slice,
    @JsonProperty("features") Map<String, String> features,
    @JsonProperty("count") long count,
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("undefined") Map<String, String> undefined,
    @JsonProperty("confusion_matrix") long[][] confusionMatrix,
    @JsonProperty("calibration") List<CalibrationBin> calibration,
    @JsonProperty("threshold_sweep") List<ThresholdPoint> thresholdSweep) {

  /** A slice without examples: a count of 0 and no metrics. */
  static SliceMetrics empty(SliceKey key) {
    return new SliceMetrics(key.name(), key.asMap(), 0, Map.of(), Map.of(), null, null, null);
  }

  static SliceMetrics of(SliceKey key, long count, MetricValues values, long[][] confusionMatrix,
                         List<CalibrationBin> calibration, List<ThresholdPoint> thresholdSweep) {
    return new SliceMetrics(key.name(), key.asMap(), count, values.values(), values.undefined(), confusionMatrix,
        calibration, thresholdSweep);
  }

  /** The metric's value, or null when it is undefined or not computed for this task. */
  public Double value(Metric metric) {
    return metrics.get(metric.key());
  }

  /** Why the metric has no value on this slice, or null when it has one. */
  public String whyUndefined(Metric metric) {
    if (count == 0) {
      return "the slice has no examples";
    }
    String reason = undefined.get(metric.key());
    return reason != null || metrics.containsKey(metric.key()) ? reason : metric.key() + " is not computed for this task";
  }

  @JsonIgnore
  public boolean isEmpty() {
    return count == 0;
  }
}
