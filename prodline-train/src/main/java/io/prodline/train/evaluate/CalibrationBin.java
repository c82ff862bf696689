package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One bin of a calibration table: the rows whose predicted probability falls in {@code (lower, upper]} (the first
 * bin also takes exactly 0), how many there are, their mean predicted probability and the fraction that are
 * actually positive. A well-calibrated model has the two close. Both are null for an empty bin.
 */
public record CalibrationBin(
    @JsonProperty("lower") double lower,
    @JsonProperty("upper") double upper,
    @JsonProperty("count") long count,
    @JsonProperty("mean_predicted") Double meanPredicted,
    @JsonProperty("observed_frequency") Double observedFrequency) {}
