package io.prodline.train.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.transform.ClipStep;
import io.prodline.core.transform.DatePart;
import io.prodline.core.transform.DatePartEncoder;
import io.prodline.core.transform.FeatureColumns;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FillStep;
import io.prodline.core.transform.Log1pStep;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.core.transform.NumericStep;
import io.prodline.train.transform.StepSpec.FillStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a numeric feature (a number column, or a date part of a string column) in one pass.
 *
 * <p>The chain is {@code before, [fill], between, [analyzer], after}: fixed steps run on the fly, so each
 * analyzer sees the values exactly as the fitted transform will feed it. When a mean fill precedes another
 * analyzer, the rows it will fill are counted rather than seen, and that analyzer is fitted as if those rows
 * held the fill value carried through {@code between}: the same statistics as a second pass would give.
 */
final class NumericAccumulator implements FeatureAccumulator {
  private final String name;
  private final String input;
  private final DatePart part;
  private final List<NumericStep> before;
  private final NumericAnalyzer fill;
  private final List<NumericStep> between;
  private final NumericAnalyzer analyzer;
  private final List<NumericStep> after;
  private long filledRows;

  private NumericAccumulator(String name, String input, DatePart part, List<NumericStep> before,
      NumericAnalyzer fill, List<NumericStep> between, NumericAnalyzer analyzer, List<NumericStep> after) {
    this.name = name;
    this.input = input;
    this.part = part;
    this.before = before;
    this.fill = fill;
    this.between = between;
    this.analyzer = analyzer;
    this.after = after;
  }

  /**
   * Plans the numeric {@code steps} of feature {@code name} read from {@code input} ({@code part} null for a
   * number column); throws naming the feature and step when a step does not apply to numbers or the chain
   * needs more than one pass.
   */
  static NumericAccumulator create(String name, String input, DatePart part, List<StepSpec> steps) {
    List<List<NumericStep>> fixed = new ArrayList<>(List.of(new ArrayList<>()));
    List<NumericAnalyzer> analyzers = new ArrayList<>();
    List<Boolean> isFill = new ArrayList<>();
    for (StepSpec step : steps) {
      NumericStep fixedStep = fixedStep(name, step);
      if (fixedStep != null) {
        fixed.get(fixed.size() - 1).add(fixedStep);
      } else {
        analyzers.add(analyzer(name, step));
        isFill.add(step instanceof StepSpec.Fill);
        fixed.add(new ArrayList<>());
      }
    }
    if (analyzers.size() > 2 || (analyzers.size() == 2 && !isFill.get(0))) {
      throw new ProdlineException("feature '" + name + "' has " + analyzers.size() + " analyzing steps; a feature "
          + "may have one (scale_to_0_1, zscore, bucketize or fill with mean), optionally preceded by a fill with "
          + "mean, so that fitting takes one pass over the data");
    }
    return switch (analyzers.size()) {
      case 0 -> new NumericAccumulator(name, input, part, fixed.get(0), null, List.of(), null, List.of());
      case 1 -> new NumericAccumulator(name, input, part, fixed.get(0), null, List.of(), analyzers.get(0),
          fixed.get(1));
      default -> new NumericAccumulator(name, input, part, fixed.get(0), analyzers.get(0), fixed.get(1),
          analyzers.get(1), fixed.get(2));
    };
  }

  /** The fitted step for a step that needs no data, or null for an analyzer. */
  private static NumericStep fixedStep(String name, StepSpec step) {
    if (step instanceof StepSpec.Log1p) {
      return new Log1pStep();
    } else if (step instanceof StepSpec.Clip c) {
      return new ClipStep(c.min(), c.max());
    } else if (step instanceof StepSpec.Fill f && f.strategy() == FillStrategy.CONSTANT) {
      if (!(f.value() instanceof Number n)) {
        throw new ProdlineException("feature '" + name + "' is numeric, so fill needs a number, got \"" + f.value()
            + "\"");
      }
      return new FillStep(n.doubleValue());
    }
    return null;
  }

  private static NumericAnalyzer analyzer(String name, StepSpec step) {
    if (step instanceof StepSpec.ScaleToZeroOne) {
      return MomentsAnalyzer.scaleToZeroOne(name);
    } else if (step instanceof StepSpec.ZScore) {
      return MomentsAnalyzer.zscore(name);
    } else if (step instanceof StepSpec.Bucketize b) {
      return new QuantilesAnalyzer(name, b.buckets(), b.kllK());
    } else if (step instanceof StepSpec.Fill f && f.strategy() == FillStrategy.MEAN) {
      return MomentsAnalyzer.meanFill(name);
    }
    throw new ProdlineException("feature '" + name + "' is numeric here, but step " + StepNames.of(step)
        + " needs a string; numeric steps are fill (constant or mean), log1p, clip, scale_to_0_1, zscore and "
        + "bucketize");
  }

  @Override
  public void add(Frame batch) {
    double[] values = part == null
        ? FeatureColumns.numbers(batch.column(input), input)
        : FeatureColumns.dateParts(batch.column(input), input, part);
    NumericStep.applyAll(before, values);
    if (fill != null) {
      fill.add(values);
      double[] present = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
      filledRows += values.length - present.length;
      values = present;
      NumericStep.applyAll(between, values);
    }
    if (analyzer != null) {
      analyzer.add(values);
    }
  }

  @Override
  public void merge(FeatureAccumulator other) {
    NumericAccumulator o = (NumericAccumulator) other;
    if (fill != null) {
      fill.merge(o.fill);
    }
    if (analyzer != null) {
      analyzer.merge(o.analyzer);
    }
    filledRows += o.filledRows;
  }

  @Override
  public FeatureEncoder result() {
    List<NumericStep> steps = new ArrayList<>(before);
    double[] filled = {0};
    if (fill != null) {
      FillStep fitted = (FillStep) fill.result(0, 0);
      steps.add(fitted);
      steps.addAll(between);
      filled[0] = fitted.value();
      NumericStep.applyAll(between, filled);
    }
    if (analyzer != null) {
      steps.add(analyzer.result(filled[0], filledRows));
    }
    steps.addAll(after);
    return part == null ? new NumericEncoder(name, input, steps) : new DatePartEncoder(name, input, part, steps);
  }
}
