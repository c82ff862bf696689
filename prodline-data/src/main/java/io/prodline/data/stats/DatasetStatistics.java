package io.prodline.data.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statistics of a whole frame stream: the number of examples (rows; weighted: the sum of example weights) and
 * each feature's statistics in column order. When sliced, {@code slices} maps each value of {@code sliceFeature}
 * to the statistics of the rows holding it (rows where it is null belong to no slice); otherwise both are absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DatasetStatistics(
    long numExamples,
    double weightedNumExamples,
    List<FeatureStatistics> features,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sliceFeature,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, DatasetStatistics> slices) {

  public DatasetStatistics {
    features = List.copyOf(features);
    slices = slices == null ? new TreeMap<>() : new TreeMap<>(slices);
  }

  /** Statistics of an unsliced stream. */
  public DatasetStatistics(long numExamples, double weightedNumExamples, List<FeatureStatistics> features) {
    this(numExamples, weightedNumExamples, features, null, null);
  }

  /** The statistics of the named feature; throws {@link IllegalArgumentException} naming the features if absent. */
  public FeatureStatistics feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no statistics for feature '" + name + "'; features are "
            + features.stream().map(FeatureStatistics::name).toList()));
  }

  @Override
  public SortedMap<String, DatasetStatistics> slices() {
    return Collections.unmodifiableSortedMap(slices);
  }

  /** The statistics of one slice; throws {@link IllegalArgumentException} if there is no such slice. */
  public DatasetStatistics slice(String value) {
    DatasetStatistics s = slices.get(value);
    if (s == null) {
      throw new IllegalArgumentException("no slice '" + value + "' of '" + sliceFeature + "'; slices are "
          + slices.keySet());
    }
    return s;
  }
}
