package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One check behind a blessing and its outcome in one sentence.
 *
 * @param passed whether the check passed (a check that could not run for want of a baseline passes)
 * @param metric the metric's key
 * @param slice the slice's name
 * @param check {@code lower_bound}, {@code upper_bound} or {@code change}
 * @param sentence what was found, for people
 */
public record Reason(
    @JsonProperty("passed") boolean passed,
    @JsonProperty("metric") String metric,
    @JsonProperty("slice") String slice,
    @JsonProperty("check") String check,
    @JsonProperty("sentence") String sentence) {

  static final String LOWER_BOUND = "lower_bound";
  static final String UPPER_BOUND = "upper_bound";
  static final String CHANGE = "change";
}
