package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric feature's empirical CDF as a step function, for comparing two data sets: {@code F(x) = counts[i] /
 * count} for the largest {@code values[i] <= x}, and 0 below {@code values[0]}. Built from the KLL sketch's
 * retained values and their cumulative weights. While the sketch keeps every value (at most {@code kll_k} of
 * them) the steps are the sample's own CDF, exactly; past that, the sketch's CDF is within its rank error of the
 * true one and is thinned to about {@value #MAX_STEPS} steps, which adds at most {@code stepError} more.
 *
 * @param values distinct finite values, ascending; the first is the minimum and the last the maximum
 * @param counts for each value, the (estimated) number of finite values at or below it; the last is {@code count}
 * @param count the number of finite values
 * @param exact whether the sketch kept every value, so that the steps (unless thinned) are the sample's own CDF
 * @param stepError bound on how far below the sketch's CDF the steps may read between two values: 0 when every
 *     retained value was kept, otherwise {@code ceil(count / MAX_STEPS) / count}, about {@code 1 / MAX_STEPS}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CumulativeCounts(List<Double> values, List<Long> counts, long count, boolean exact,
    double stepError) {
  /** Steps kept from an estimating sketch: its own rank error (0.27% at k = 1024) is of the same size. */
  public static final int MAX_STEPS = 256;

  public CumulativeCounts {
    values = List.copyOf(values);
    counts = List.copyOf(counts);
    if (values.size() != counts.size() || values.isEmpty()) {
      throw new IllegalArgumentException("need as many counts as values, at least one; got " + values.size()
          + " values and " + counts.size() + " counts");
    }
  }

  /**
   * Steps from a sketch's sorted view: {@code items} ascending (repeats allowed) with their cumulative weights.
   * Repeated values keep their last weight. When {@code estimated} (the sketch has compacted), a value is kept
   * only once the CDF has risen by at least {@code 1 / MAX_STEPS} since the last kept one (the last value is
   * always kept).
   */
  static CumulativeCounts of(double[] items, long[] cumulativeWeights, boolean estimated) {
    long n = cumulativeWeights[cumulativeWeights.length - 1];
    long minRise = estimated ? Math.max(1, (long) Math.ceil((double) n / MAX_STEPS)) : 1;
    List<Double> values = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    long previous = 0;
    int distinct = 0;
    for (int i = 0; i < items.length; i++) {
      boolean lastOfValue = i + 1 == items.length || items[i + 1] != items[i];
      distinct += lastOfValue ? 1 : 0;
      if (lastOfValue && (i + 1 == items.length || cumulativeWeights[i] - previous >= minRise)) {
        values.add(items[i]);
        counts.add(cumulativeWeights[i]);
        previous = cumulativeWeights[i];
      }
    }
    // A dropped value's count was less than minRise above the last kept one, so the steps read less than
    // minRise / n below the sketch's CDF there.
    boolean dropped = values.size() < distinct;
    return new CumulativeCounts(values, counts, n, !estimated, dropped ? (double) minRise / n : 0);
  }
}
