package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A condition a candidate model must meet to be blessed, on one metric of one slice: absolute bounds, a limit on
 * how much worse it may be than the baseline model (the one in production), or both.
 *
 * <p>Build with {@link #on(Metric)} and the {@code with}-methods, e.g.
 * {@code MetricThreshold.on(Metric.ROC_AUC).atLeast(0.9).noWorseThanBaseline(ChangeKind.ABSOLUTE, 0.01)}.
 *
 * @param metric the metric checked
 * @param slice the slice's name ({@link SliceKey#name()}), {@code overall} for all rows
 * @param direction which way the metric improves; decides what "worse than the baseline" means
 * @param lowerBound the candidate's value must be at least this; null for none
 * @param upperBound the candidate's value must be at most this; null for none
 * @param change the most the candidate may be worse than the baseline; null for no comparison
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricThreshold(
    @JsonProperty("metric") Metric metric,
    @JsonProperty("slice") String slice,
    @JsonProperty("direction") Direction direction,
    @JsonProperty("lower_bound") Double lowerBound,
    @JsonProperty("upper_bound") Double upperBound,
    @JsonProperty("change") Change change) {

  /**
   * The candidate may be worse than the baseline by at most {@code tolerance}, measured as {@code kind}
   * (a negative tolerance demands an improvement).
   */
  public record Change(@JsonProperty("kind") ChangeKind kind, @JsonProperty("tolerance") double tolerance) {
    public Change {
      Objects.requireNonNull(kind, "kind");
    }
  }

  public MetricThreshold {
    Objects.requireNonNull(metric, "metric");
    slice = slice == null ? SliceKey.OVERALL_NAME : slice;
    direction = direction == null ? metric.direction() : direction;
    if (lowerBound != null && upperBound != null && lowerBound > upperBound) {
      throw new IllegalArgumentException(metric.key() + ": lower bound " + lowerBound + " is above upper bound "
          + upperBound);
    }
  }

  /** A threshold on the metric over all rows, with the metric's own direction and no condition yet. */
  public static MetricThreshold on(Metric metric) {
    return new MetricThreshold(metric, SliceKey.OVERALL_NAME, metric.direction(), null, null, null);
  }

  public MetricThreshold inSlice(String sliceName) {
    return new MetricThreshold(metric, sliceName, direction, lowerBound, upperBound, change);
  }

  public MetricThreshold withDirection(Direction newDirection) {
    return new MetricThreshold(metric, slice, newDirection, lowerBound, upperBound, change);
  }

  public MetricThreshold atLeast(double bound) {
    return new MetricThreshold(metric, slice, direction, bound, upperBound, change);
  }

  public MetricThreshold atMost(double bound) {
    return new MetricThreshold(metric, slice, direction, lowerBound, bound, change);
  }

  public MetricThreshold noWorseThanBaseline(ChangeKind kind, double tolerance) {
    return new MetricThreshold(metric, slice, direction, lowerBound, upperBound, new Change(kind, tolerance));
  }
}
