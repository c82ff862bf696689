package io.prodline.bench.jmh;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.transform.FittedTransform;
import io.prodline.train.transform.TransformFitter;
import io.prodline.train.transform.TransformSpecReader;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second through {@link FittedTransform#apply}, the code both training and serving encode with, on a
 * 64k-row frame and one encoder of each common kind: numeric z-score, bucketize (10 quantile buckets),
 * vocabulary one-hot (50 Zipf-distributed categories) and hashing (5,000 distinct ids into 1,000 buckets). One
 * operation is one row, so JMH's ops/s is rows/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransformBenchmark {
  static final int ROWS = 65_536;
  static final String SPEC = """
      features:
        - input: num
          steps: [{zscore: {}}]
        - input: amount
          steps: [{bucketize: {buckets: 10}}]
        - input: cat
          steps: [{vocabulary: {encoding: one_hot}}]
        - input: user
          steps: [{hash: {buckets: 1000}}]
      """;

  private Frame frame;
  private FittedTransform transform;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    double[] num = new double[ROWS];
    double[] amount = new double[ROWS];
    String[] cat = new String[ROWS];
    String[] user = new String[ROWS];
    for (int row = 0; row < ROWS; row++) {
      num[row] = 10 + 3 * random.nextDouble(-1, 1);
      amount[row] = Math.exp(random.nextDouble(-2, 2));
      // Squaring a uniform index skews the categories toward the first ones, as real categories are.
      double u = random.nextDouble();
      cat[row] = "c" + (int) (u * u * 50);
      user[row] = "user-" + random.nextInt(5_000);
    }
    List<Column> columns = List.of(Float64Column.of(num), Float64Column.of(amount), StringColumn.of(cat),
        StringColumn.of(user));
    frame = Frame.of(List.of("num", "amount", "cat", "user"), columns);
    transform = TransformFitter.fit(TransformSpecReader.parse(SPEC, "TransformBenchmark"), frame);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public float[] apply() {
    return transform.apply(frame);
  }
}
