package io.prodline.bench.jmh;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Frame;
import io.prodline.train.evaluate.Evaluation;
import io.prodline.train.evaluate.Evaluator;
import io.prodline.train.evaluate.ScoredRows;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seconds for {@link Evaluator#evaluate} on 10M binary predictions: every overall binary metric (ROC-AUC,
 * PR-AUC, log loss, Brier, calibration table, confusion matrix, threshold sweep), no slices. Scores are
 * informative but noisy (the positive class scores higher on average) and rounded to 1e-4, so there are many
 * ties, as with real model outputs. Each measurement is one whole evaluation, as a user waits for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class EvaluatorBenchmark {
  static final int ROWS = 10_000_000;

  private ScoredRows rows;
  private Frame noSlices;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(3);
    float[] scores = new float[ROWS];
    double[] targets = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      int label = random.nextDouble() < 0.3 ? 1 : 0;
      double margin = (label == 1 ? 1.0 : -0.5) + 1.5 * (random.nextDouble() - 0.5) * 2;
      scores[row] = (float) (Math.round(10_000 / (1 + Math.exp(-margin))) / 10_000.0);
      targets[row] = label;
    }
    rows = new ScoredRows(Task.BINARY_CLASSIFICATION, List.of("0", "1"), scores, targets);
    noSlices = Frame.of(List.of(), List.of());
  }

  @Benchmark
  public Evaluation evaluate() {
    return Evaluator.evaluate(rows, noSlices, List.of());
  }
}
