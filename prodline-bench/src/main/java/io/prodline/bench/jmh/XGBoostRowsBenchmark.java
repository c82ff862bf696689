package io.prodline.bench.jmh;

import io.prodline.core.runtime.xgboost.XGBoostModelParser;
import io.prodline.core.runtime.xgboost.XGBoostRuntime;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per row of {@link XGBoostRuntime#predict} on the served benchmark model (binary:logistic, 100 trees
 * of depth 6 on 30 float features, written by {@code bench/serving/make_models.py}), by request size: one
 * operation is one row, and each invocation predicts the same {@value #ROWS} standard-normal rows (rounded to 4
 * decimals, like the serving request bodies) as requests of {@code rowsPerCall} rows, so the figures at 1, 64 and
 * 1024 rows compare directly. Run by {@code bench/xgboost/run.sh}, which creates the model first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XGBoostRowsBenchmark {
  static final int ROWS = 1024;

  /** The model file; the default is where {@code bench/xgboost/run.sh} has make_models.py write it. */
  @Param("/tmp/xgbeval/models/xgb/1/model.json")
  public String model;

  @Param({"1", "64", "1024"})
  public int rowsPerCall;

  private XGBoostRuntime runtime;
  private float[][] requests;

  @Setup
  public void setUp() {
    runtime = XGBoostModelParser.parse(Path.of(model));
    int width = runtime.inputWidth();
    Random random = new Random(1);
    requests = new float[ROWS / rowsPerCall][rowsPerCall * width];
    for (float[] request : requests) {
      for (int i = 0; i < request.length; i++) {
        request[i] = (float) (Math.round(random.nextGaussian() * 1e4) / 1e4);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void predict(Blackhole blackhole) {
    for (float[] request : requests) {
      blackhole.consume(runtime.predict(request, rowsPerCall));
    }
  }
}
