package io.prodline.data.schema;

import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.prodline.core.frame.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * What one feature's data must look like.
 *
 * @param name column name
 * @param type the column type; an int64 column satisfies a float64 feature (integers are valid floats)
 * @param kind numeric (float64, int64) or categorical (string, bool, or int64 whose values are labels: codes,
 *     ids, ratings); must agree with the type
 * @param presence the least fraction of examples with a value, and whether the column must exist
 * @param domain the allowed values of a string or categorical int64 feature (decimal integers, e.g. "42");
 *     empty for any value
 * @param range bounds of the finite values of a numeric feature; null for none
 * @param allowNan whether a numeric feature may hold NaN; false for any other (no other value can be NaN), and
 *     written for numeric features only
 * @param allowInfinite whether a numeric feature may hold +infinity or -infinity; false for any other, and written
 *     for numeric features only
 * @param notInEnvironments environments where the feature is not expected (e.g. the label at SERVING): there it
 *     is neither required nor checked
 * @param driftComparator threshold for previous-span vs current comparisons; null to not check drift
 * @param skewComparator threshold for training vs serving comparisons; null to not check skew
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FeatureSchema(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) ColumnType type,
    @JsonProperty(required = true) FeatureKind kind,
    @JsonProperty(required = true) Presence presence,
    List<String> domain,
    ValueRange range,
    // absent reads as false, as a non-numeric feature is written without them
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean allowNan,
    @JsonSetter(nulls = Nulls.AS_EMPTY) boolean allowInfinite,
    List<String> notInEnvironments,
    Comparator driftComparator,
    Comparator skewComparator) {

  public FeatureSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(presence, "presence");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a feature needs a non-blank name");
    }
    if (!kind.fits(type)) {
      throw new IllegalArgumentException("kind " + kind.fileName() + " does not fit type " + type.fileName()
          + ": float64 is numeric, string and bool categorical, int64 either");
    }
    domain = domain == null ? List.of() : List.copyOf(domain);
    notInEnvironments = notInEnvironments == null ? List.of() : List.copyOf(notInEnvironments);
    if (!domain.isEmpty() && type != ColumnType.STRING && !isCategoricalInteger(type, kind)) {
      throw new IllegalArgumentException("a domain applies to string and categorical int64 features only, not "
          + kind.fileName() + " " + type.fileName());
    }
    if (isCategoricalInteger(type, kind)) {
      domain.forEach(FeatureSchema::requireDecimalInteger);
    }
    if (range != null && kind != FeatureKind.NUMERIC) {
      throw new IllegalArgumentException("a range applies to numeric features only, not " + type.fileName());
    }
    // false stays readable on any feature: schemas inferred before non-numeric features went without it have it
    if ((allowNan || allowInfinite) && kind != FeatureKind.NUMERIC) {
      throw new IllegalArgumentException((allowNan ? "allow_nan" : "allow_infinite")
          + " applies to numeric features only, not " + kind.fileName() + " " + type.fileName());
    }
    checkComparator("drift_comparator", driftComparator, kind);
    checkComparator("skew_comparator", skewComparator, kind);
  }

  private static boolean isCategoricalInteger(ColumnType type, FeatureKind kind) {
    return type == ColumnType.INT64 && kind == FeatureKind.CATEGORICAL;
  }

  /** Statistics give categorical integers as their decimal text, so a domain value must be written alike. */
  private static void requireDecimalInteger(String value) {
    boolean canonical;
    try {
      canonical = Long.toString(Long.parseLong(value)).equals(value);
    } catch (NumberFormatException e) {
      canonical = false;
    }
    if (!canonical) {
      throw new IllegalArgumentException("the domain of a categorical int64 feature holds integers like 42 or -7,"
          + " not '" + value + "'");
    }
  }

  /** Whether this is an int64 feature whose values are labels: its statistics must be computed as categorical. */
  @JsonIgnore
  public boolean isCategoricalInteger() {
    return isCategoricalInteger(type, kind);
  }

  private static void checkComparator(String field, Comparator comparator, FeatureKind kind) {
    if (comparator != null && comparator.kind() != kind) {
      throw new IllegalArgumentException(field + " of a " + kind.fileName() + " feature needs "
          + (kind == FeatureKind.NUMERIC ? "jensen_shannon_divergence" : "infinity_norm"));
    }
  }

  /** allow_nan as written: for a numeric feature only, as nothing else can be NaN. */
  @JsonGetter("allow_nan")
  private Boolean writtenAllowNan() {
    return kind == FeatureKind.NUMERIC ? allowNan : null;
  }

  /** allow_infinite as written: for a numeric feature only, as nothing else can be infinite. */
  @JsonGetter("allow_infinite")
  private Boolean writtenAllowInfinite() {
    return kind == FeatureKind.NUMERIC ? allowInfinite : null;
  }

  /** Whether the feature is expected in {@code environment}; every feature is expected when it is null. */
  public boolean expectedIn(String environment) {
    return environment == null || !notInEnvironments.contains(environment);
  }

  public FeatureSchema withNotInEnvironments(List<String> environments) {
    return new FeatureSchema(name, type, kind, presence, domain, range, allowNan, allowInfinite, environments,
        driftComparator, skewComparator);
  }

  public FeatureSchema withDriftComparator(Comparator comparator) {
    return new FeatureSchema(name, type, kind, presence, domain, range, allowNan, allowInfinite,
        notInEnvironments, comparator, skewComparator);
  }

  public FeatureSchema withSkewComparator(Comparator comparator) {
    return new FeatureSchema(name, type, kind, presence, domain, range, allowNan, allowInfinite,
        notInEnvironments, driftComparator, comparator);
  }
}
