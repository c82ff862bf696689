package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A slice on which the model does markedly worse than on all rows.
 *
 * @param slice the slice's name
 * @param metric the metric compared
 * @param value the metric on the slice
 * @param overall the metric over all rows
 * @param sentence the finding, for people
 */
public record FairnessFlag(
    @JsonProperty("slice") String slice,
    @JsonProperty("metric") String metric,
    @JsonProperty("value") double value,
    @JsonProperty("overall") double overall,
    @JsonProperty("sentence") String sentence) {}
