package io.prodline.data.schema;

import io.prodline.core.frame.ColumnType;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.MomentStatistics;
import io.prodline.data.stats.TopValuesStatistics;
import io.prodline.data.stats.ValueCount;
import java.util.List;

/**
 * SchemaGen: a first schema from the statistics of a data set, for a person to review and edit.
 *
 * <p>Per feature: the type and the kind its statistics were computed as; presence {@code min_fraction} = the
 * observed fraction of examples with a value, and {@code required} (the column exists in the data it was inferred
 * from); a domain (values sorted, numerically for int64) for a categorical string or int64 feature whose top
 * values are exact and cover every non-missing value, and that has at most {@code max_domain_size} values; NaN
 * and infinities allowed only if seen; optionally the observed [min, max] as range. Environments, drift and skew
 * thresholds are left for people to add: they are decisions, not observations. {@code min_examples} is 1.
 */
public final class SchemaInference {
  private SchemaInference() {}

  public static Schema infer(DatasetStatistics statistics, InferenceOptions options) {
    List<FeatureSchema> features = statistics.features().stream()
        .map(f -> feature(f, statistics.numExamples(), options)).toList();
    return new Schema(1, List.of(), features);
  }

  private static FeatureSchema feature(FeatureStatistics f, long examples, InferenceOptions options) {
    long present = f.common().numNonMissing();
    double fraction = examples == 0 ? 1.0 : (double) present / examples;
    Presence presence = new Presence(fraction, true);
    FeatureKind kind = FeatureKind.of(f);
    MomentStatistics m = f.numeric() == null ? null : f.numeric().moments();
    boolean allowNan = m != null && m.numNan() > 0;
    boolean allowInfinite = m != null && m.numPositiveInfinity() + m.numNegativeInfinity() > 0;
    ValueRange range = m != null && options.inferRanges() && m.min() != null ? new ValueRange(m.min(), m.max())
        : null;
    List<String> domain = f.string() == null ? List.of()
        : domain(f.string().topValues(), present, options.maxDomainSize(), f.type() == ColumnType.INT64);
    return new FeatureSchema(f.name(), f.type(), kind, presence, domain, range, allowNan, allowInfinite,
        List.of(), null, null);
  }

  /** The sorted values when the top values are exact, complete and few enough; otherwise empty. */
  private static List<String> domain(TopValuesStatistics top, long present, int maxSize, boolean integers) {
    long covered = top.topValues().stream().mapToLong(ValueCount::count).sum();
    if (!top.exact() || covered != present || top.topValues().size() > maxSize) {
      return List.of();
    }
    java.util.Comparator<String> order = integers
        ? java.util.Comparator.comparingLong(Long::parseLong) : java.util.Comparator.naturalOrder();
    return top.topValues().stream().map(ValueCount::value).sorted(order).toList();
  }
}
