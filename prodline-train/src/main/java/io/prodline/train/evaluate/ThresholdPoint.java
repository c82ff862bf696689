package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Precision, recall and F1 of a binary classifier when rows scoring at or above {@code threshold} are called
 * positive, with the counts they come from, so an operating point other than 0.5 can be chosen from the report.
 */
public record ThresholdPoint(
    @JsonProperty("threshold") double threshold,
    @JsonProperty("true_positives") long truePositives,
    @JsonProperty("false_positives") long falsePositives,
    @JsonProperty("false_negatives") long falseNegatives,
    @JsonProperty("precision") double precision,
    @JsonProperty("recall") double recall,
    @JsonProperty("f1") double f1) {

  static ThresholdPoint of(double threshold, BinaryCounts counts) {
    return new ThresholdPoint(threshold, counts.truePositives(), counts.falsePositives(), counts.falseNegatives(),
        counts.precision(), counts.recall(), counts.f1());
  }
}
