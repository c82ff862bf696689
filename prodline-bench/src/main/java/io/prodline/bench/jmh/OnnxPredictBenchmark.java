package io.prodline.bench.jmh;

import io.prodline.core.bundle.BareModels;
import io.prodline.core.fs.AtomicFiles;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microseconds per call of the {@code onnx} runtime's {@link ModelRuntime#predict}, loaded the way the server loads
 * a bare {@code model.onnx}, on the serving benchmark's MLP (30→64→64→1). The model's own arithmetic is about 6,000
 * multiply-adds per row, so at one row the figure is almost all ONNX Runtime call overhead (tensors, JNI, output
 * copies). Requests cycle through 1,024 rows of standard-normal features. Run from the repository root (the default
 * model path is the test fixture).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnnxPredictBenchmark {
  static final int ROWS = 1024;

  @Param("prodline-runtime-onnx/src/test/resources/onnx/mlp.onnx")
  public String model;

  @Param({"1", "64"})
  public int rowsPerCall;

  private Path copy;
  private ModelRuntime runtime;
  private float[][] requests;
  private int next;

  @Setup
  public void setUp() throws IOException {
    // A bare model is found by its file name, so the fixture is served from a version directory as model.onnx.
    copy = Files.createTempDirectory("onnx-bench");
    Path version = copy.resolve("1");
    Files.createDirectories(version);
    Files.copy(Path.of(model), version.resolve("model.onnx"));
    runtime = ModelRuntimes.load(BareModels.read(version));
    Random random = new Random(1);
    requests = new float[ROWS / rowsPerCall][rowsPerCall * runtime.inputWidth()];
    for (float[] request : requests) {
      for (int i = 0; i < request.length; i++) {
        request[i] = (float) random.nextGaussian();
      }
    }
  }

  @TearDown
  public void tearDown() {
    runtime.close();
    AtomicFiles.deleteRecursively(copy);
  }

  @Benchmark
  public float[] predict() {
    next = (next + 1) % requests.length;
    return runtime.predict(requests[next], rowsPerCall);
  }
}
