package io.prodline.data.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a data set must look like: the features, the environments the data comes from, and the least number of
 * examples. Inferred by {@link SchemaInference}, edited by people as YAML ({@link SchemaYaml}), checked by
 * {@code io.prodline.data.validation.ExampleValidator}.
 *
 * @param minExamples least number of examples (rows) a data set must have; 0 for no limit
 * @param environments names of the environments (e.g. TRAINING, SERVING) that features may refer to
 * @param features the features, in column order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Schema(
    long minExamples,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> environments,
    List<FeatureSchema> features) {

  public Schema {
    if (minExamples < 0) {
      throw new IllegalArgumentException("min_examples must be >= 0, got " + minExamples);
    }
    environments = environments == null ? List.of() : List.copyOf(environments);
    features = features == null ? List.of() : List.copyOf(features);
    Set<String> names = new HashSet<>();
    for (FeatureSchema f : features) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("feature '" + f.name() + "' is listed twice");
      }
      for (String env : f.notInEnvironments()) {
        if (!environments.contains(env)) {
          throw new IllegalArgumentException("feature '" + f.name() + "' refers to environment '" + env
              + "', which is not among the schema's environments " + environments);
        }
      }
    }
  }

  /** The feature of that name, if any. */
  public Optional<FeatureSchema> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The int64 features declared categorical, for {@code StatisticsOptions.withCategoricalColumns}: their
   * statistics must hold value counts for domain checks and L-infinity drift.
   */
  public Set<String> categoricalIntegerFeatures() {
    return features.stream().filter(FeatureSchema::isCategoricalInteger).map(FeatureSchema::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** This schema with the feature of the same name replaced; throws if there is no such feature. */
  public Schema withFeature(FeatureSchema feature) {
    if (feature(feature.name()).isEmpty()) {
      throw new IllegalArgumentException("no feature '" + feature.name() + "' in the schema");
    }
    return new Schema(minExamples, environments, features.stream()
        .map(f -> f.name().equals(feature.name()) ? feature : f).toList());
  }

  public Schema withEnvironments(List<String> names) {
    return new Schema(minExamples, names, features);
  }

  public Schema withMinExamples(long count) {
    return new Schema(count, environments, features);
  }
}
