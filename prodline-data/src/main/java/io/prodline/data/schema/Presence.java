package io.prodline.data.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a feature must be present.
 *
 * @param minFraction smallest allowed fraction of examples holding a (non-null) value, in [0, 1]; NaN counts as
 *     a value
 * @param required whether the column must exist in the data (in the environments where the feature is
 *     expected); a missing required column is an error, a missing optional one a warning
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Presence(
    @JsonProperty(required = true) double minFraction, @JsonProperty(required = true) boolean required) {
  public Presence {
    if (!(minFraction >= 0 && minFraction <= 1)) {
      throw new IllegalArgumentException("min_fraction must be within [0, 1], got " + minFraction);
    }
  }
}
