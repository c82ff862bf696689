package io.prodline.data.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * Comparison of a categorical feature's value frequencies; definitions in {@code docs/validation.md}.
 *
 * @param infinityNorm {@code max_v |p_baseline(v) - p_current(v)|} over {@code values}, in [0, 1]
 * @param infinityNormValue the value attaining it (null when it is "other" or when the distance is 0)
 * @param values the union of both sides' top values, then "other" (value null) when a side has values outside
 *     its list
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CategoricalComparison(
    double infinityNorm,
    @JsonInclude(JsonInclude.Include.NON_NULL) String infinityNormValue,
    List<ComparedValue> values) {

  public CategoricalComparison {
    values = List.copyOf(values);
  }

  /** Share of values beyond the top lists, on either side, above which reports flag the L-infinity distance. */
  public static final double MOSTLY_OTHER = 0.2;

  /**
   * The shares of values beyond both sides' top-value lists, compared as one: when they are large (a feature with
   * many distinct values, such as an id or a date) the L-infinity distance says little about the rest.
   */
  public Optional<ComparedValue> other() {
    return values.stream().filter(v -> v.value() == null).findFirst();
  }

  /** Whether more than {@link #MOSTLY_OTHER} of either side's values are beyond the top lists. */
  public boolean mostlyOther() {
    return other().map(o -> Math.max(o.baseline(), o.current()) > MOSTLY_OTHER).orElse(false);
  }
}
