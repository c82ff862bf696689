package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The most frequent values of a string feature, most frequent first (ties by value), from a frequent-items
 * sketch; unweighted.
 *
 * <p>Each value's true count lies in [{@code lower_bound}, {@code upper_bound}], and {@code count} is off by at
 * most {@code maxError}, itself at most 3.5/max_map_size times the number of values. When {@code exact} is true
 * (fewer distinct values than 3/4 of the map size) every count is exact and the list is the true top-k.
 * Otherwise the list holds no false negatives: any value more frequent than {@code maxError} is a candidate.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopValuesStatistics(List<ValueCount> topValues, long maxError, boolean exact) {
  public TopValuesStatistics {
    topValues = List.copyOf(topValues);
  }
}
