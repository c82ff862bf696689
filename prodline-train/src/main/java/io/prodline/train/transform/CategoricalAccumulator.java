package io.prodline.train.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.transform.FeatureColumns;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.HashEncoder;
import io.prodline.core.transform.VocabularyEncoder;
import io.prodline.train.transform.StepSpec.FillStrategy;
import java.util.List;

/**
 * Fits a string feature: an optional fill, then a vocabulary or hashing, in one pass.
 *
 * <p>One set of exact value counts serves both analyzers: the most frequent value is the first in
 * {@link ValueCounts#TFT_ORDER}, and the vocabulary is counted with the missing rows added to the fill value,
 * exactly as if the filled column had been counted.
 */
final class CategoricalAccumulator implements FeatureAccumulator {
  private final String name;
  private final String input;
  private final StepSpec.Fill fill;
  private final StepSpec terminal;
  private final ValueCounts counts;
  private long missingRows;

  private CategoricalAccumulator(String name, String input, StepSpec.Fill fill, StepSpec terminal) {
    this.name = name;
    this.input = input;
    this.fill = fill;
    this.terminal = terminal;
    boolean needsCounts = terminal instanceof StepSpec.Vocabulary
        || (fill != null && fill.strategy() == FillStrategy.MOST_FREQUENT);
    this.counts = needsCounts ? new ValueCounts(name) : null;
  }

  /**
   * The accumulator for string steps {@code [fill] (vocabulary | hash)}; with no steps, a vocabulary of every
   * value. Returns a {@link FixedAccumulator} when nothing needs the data. Throws naming the feature otherwise.
   */
  static FeatureAccumulator create(String name, String input, List<StepSpec> steps) {
    StepSpec.Fill fill = null;
    List<StepSpec> rest = steps;
    if (!rest.isEmpty() && rest.get(0) instanceof StepSpec.Fill f) {
      if (f.strategy() == FillStrategy.MEAN) {
        throw new ProdlineException("feature '" + name + "' is a string column: fill it with a constant string or "
            + "most_frequent, not mean");
      }
      if (f.strategy() == FillStrategy.CONSTANT && !(f.value() instanceof String)) {
        throw new ProdlineException("feature '" + name + "' is a string column, so fill needs a string value, got "
            + f.value());
      }
      fill = f;
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty() && fill == null) {
      rest = List.of(StepSpec.Vocabulary.all());
    }
    if (rest.size() != 1 || !(rest.get(0) instanceof StepSpec.Vocabulary || rest.get(0) instanceof StepSpec.Hash)) {
      throw new ProdlineException("feature '" + name + "' reads string column '" + input + "'; its steps must be an "
          + "optional fill then vocabulary or hash, or date_part followed by numeric steps; got "
          + steps.stream().map(StepNames::of).toList());
    }
    StepSpec terminal = rest.get(0);
    CategoricalAccumulator accumulator = new CategoricalAccumulator(name, input, fill, terminal);
    return accumulator.counts == null ? new FixedAccumulator(accumulator.result()) : accumulator;
  }

  @Override
  public void add(Frame batch) {
    StringColumn column = FeatureColumns.strings(batch.column(input), input);
    missingRows += column.nullCount();
    counts.add(column);
  }

  @Override
  public void merge(FeatureAccumulator other) {
    CategoricalAccumulator o = (CategoricalAccumulator) other;
    missingRows += o.missingRows;
    counts.merge(o.counts);
  }

  @Override
  public FeatureEncoder result() {
    String fillValue = fillValue();
    if (terminal instanceof StepSpec.Hash h) {
      return new HashEncoder(name, input, fillValue, h.buckets(), h.encoding());
    }
    StepSpec.Vocabulary v = (StepSpec.Vocabulary) terminal;
    List<String> vocabulary = counts.ordered(fillValue, missingRows).stream()
        .filter(e -> e.count() >= v.minFrequency())
        .limit(v.topK() == null ? Long.MAX_VALUE : v.topK())
        .map(ValueCounts.Entry::value)
        .toList();
    return new VocabularyEncoder(name, input, fillValue, vocabulary, v.oovBuckets(), v.encoding());
  }

  private String fillValue() {
    if (fill == null) {
      return null;
    }
    if (fill.strategy() == FillStrategy.CONSTANT) {
      return (String) fill.value();
    }
    List<ValueCounts.Entry> ordered = counts.ordered(null, 0);
    if (ordered.isEmpty()) {
      throw new ProdlineException("feature '" + name + "': fill with most_frequent needs at least one training "
          + "value, but there is none");
    }
    return ordered.get(0).value();
  }
}
