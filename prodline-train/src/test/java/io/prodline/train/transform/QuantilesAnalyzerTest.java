package io.prodline.train.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.Frame;
import io.prodline.core.transform.BucketizeStep;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.data.source.csv.CsvSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

/** Bucket boundaries against exact ranks: each must lie within the KLL sketch's rank error of j / n. */
class QuantilesAnalyzerTest {
  private static void assertBoundariesWithinRankError(double[] values, int buckets, int k) {
    QuantilesAnalyzer analyzer = new QuantilesAnalyzer("x", buckets, k);
    analyzer.add(values);
    BucketizeStep step = analyzer.result(0, 0);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double epsilon = KllDoublesSketch.getNormalizedRankError(k, false);
    double[] boundaries = step.boundaries();
    assertThat(boundaries.length).isBetween(1, buckets - 1);
    for (int j = 0; j < boundaries.length; j++) {
      // The boundary's rank range in the data: from values < b to values <= b (ties give a range).
      double below = lowerBound(sorted, boundaries[j]) / (double) sorted.length;
      double atOrBelow = upperBound(sorted, boundaries[j]) / (double) sorted.length;
      // Without duplicates boundary j must match rank (j + 1) / n; dropped duplicates shift the rest.
      boolean someRankFits = false;
      int first = boundaries.length == buckets - 1 ? j + 1 : 1;
      int last = boundaries.length == buckets - 1 ? j + 1 : buckets - 1;
      for (int target = first; target <= last; target++) {
        double rank = (double) target / buckets;
        someRankFits |= rank >= below - epsilon && rank <= atOrBelow + epsilon;
      }
      assertThat(someRankFits).as("boundary %s has rank in [%s, %s]", boundaries[j], below, atOrBelow).isTrue();
    }
  }

  private static int lowerBound(double[] sorted, double x) {
    int n = 0;
    while (n < sorted.length && sorted[n] < x) {
      n++;
    }
    return n;
  }

  private static int upperBound(double[] sorted, double x) {
    int n = lowerBound(sorted, x);
    while (n < sorted.length && sorted[n] == x) {
      n++;
    }
    return n;
  }

  @Test
  void seattleWindBoundariesAreWithinRankError() throws Exception {
    Frame data;
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/seattle-weather.csv"))) {
      data = csv.readAll();
    }
    double[] wind = new double[data.rowCount()];
    for (int row = 0; row < wind.length; row++) {
      wind[row] = data.column("wind").getDouble(row);
    }
    assertBoundariesWithinRankError(wind, 5, 200);
    assertBoundariesWithinRankError(wind, 10, 64);
  }

  @Test
  void a100kRowStreamWithSmallKIsWithinRankError() {
    SplittableRandom random = new SplittableRandom(3);
    double[] values = new double[100_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() * random.nextDouble() * 1000;
    }
    assertBoundariesWithinRankError(values, 20, 50);
  }

  @Test
  void smallDataGivesExactQuantilesAsBoundaries() {
    // 1..8 in 4 buckets: quantiles at ranks 1/4, 2/4, 3/4 are 2, 4, 6 (inclusive rule), exact below k values
    NumericEncoder e = (NumericEncoder) TransformFitter.fit(TransformSpec.of(FeatureSpec.of("x",
        StepSpec.bucketize(4))), Frame.of(java.util.List.of("x"),
        java.util.List.of(io.prodline.core.frame.Float64Column.of(8, 1, 7, 2, 6, 3, 5, 4)))).features().get(0);
    assertThat(e.steps()).containsExactly(new BucketizeStep(new double[] {2, 4, 6}));
  }
}
