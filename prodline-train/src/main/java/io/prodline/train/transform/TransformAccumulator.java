package io.prodline.train.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.CrossEncoder;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FittedTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The analyzers of a {@link TransformSpec} during its one pass over the training data: add frames, merge
 * accumulators fed elsewhere (threads, partitions) in any order, then take the {@link FittedTransform}.
 *
 * <p>Runtime state only, never saved. Vocabularies, means, min/max are exact whatever the merge order (up to
 * floating-point rounding for means and deviations); quantile boundaries carry the KLL rank error. Not
 * thread-safe: give each thread its own accumulator from {@link #create} and merge them at the end.
 */
public final class TransformAccumulator {
  private final TransformSpec spec;
  private final List<FeatureAccumulator> features;

  private TransformAccumulator(TransformSpec spec, List<FeatureAccumulator> features) {
    this.spec = spec;
    this.features = features;
  }

  /**
   * An empty accumulator for {@code spec} over data with the given columns. Throws naming the feature when an
   * input is not among {@code columns} or a step does not fit its column's type.
   */
  public static TransformAccumulator create(TransformSpec spec, List<Field> columns) {
    Map<String, ColumnType> types = columns.stream().collect(Collectors.toMap(Field::name, Field::type));
    List<FeatureAccumulator> features = new ArrayList<>(spec.features().size());
    for (FeatureSpec feature : spec.features()) {
      for (String input : feature.inputs()) {
        if (!types.containsKey(input)) {
          throw new ProdlineException("feature '" + feature.name() + "' reads column '" + input
              + "', which is not in the data; columns are " + columns.stream().map(Field::name).toList());
        }
      }
      features.add(create(feature, types::get));
    }
    return new TransformAccumulator(spec, features);
  }

  private static FeatureAccumulator create(FeatureSpec feature, Function<String, ColumnType> types) {
    String name = feature.name();
    if (feature.cross() != null) {
      for (String input : feature.cross().inputs()) {
        if (types.apply(input) != ColumnType.STRING) {
          throw new ProdlineException("cross '" + name + "' needs string columns, but '" + input + "' is "
              + types.apply(input).fileName());
        }
      }
      FeatureSpec.Cross cross = feature.cross();
      return new FixedAccumulator(new CrossEncoder(name, cross.inputs(), cross.buckets(), cross.encoding()));
    }
    List<StepSpec> steps = feature.steps();
    if (types.apply(feature.input()) != ColumnType.STRING) {
      return NumericAccumulator.create(name, feature.input(), null, steps);
    }
    if (!steps.isEmpty() && steps.get(0) instanceof StepSpec.DatePartOf date) {
      return NumericAccumulator.create(name, feature.input(), date.part(), steps.subList(1, steps.size()));
    }
    return CategoricalAccumulator.create(name, feature.input(), steps);
  }

  /** Adds a batch of raw training rows; it must hold every input column. */
  public void add(Frame batch) {
    for (FeatureAccumulator feature : features) {
      feature.add(batch);
    }
  }

  /** Folds in an accumulator of the same spec; {@code other} is left unchanged. */
  public void merge(TransformAccumulator other) {
    if (!other.spec.equals(spec)) {
      throw new IllegalArgumentException("cannot merge accumulators of different transform specs");
    }
    for (int i = 0; i < features.size(); i++) {
      features.get(i).merge(other.features.get(i));
    }
  }

  /** The fitted transform of everything added and merged so far. */
  public FittedTransform result() {
    List<FeatureEncoder> encoders = new ArrayList<>(features.size());
    for (FeatureAccumulator feature : features) {
      encoders.add(feature.result());
    }
    return FittedTransform.of(encoders);
  }
}
