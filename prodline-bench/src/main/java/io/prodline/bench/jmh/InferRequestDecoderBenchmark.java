package io.prodline.bench.jmh;

import io.prodline.serving.protocol.v2.InferRequestDecoder;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding an Open Inference Protocol JSON body ({@code POST /v2/models/<m>/infer}) into tensors, without the
 * network or the model. Numbers as {@link PredictCodecBenchmark}'s (4 decimals, about half negative); the
 * {@code body} shapes: {@code inputs30x1}, 30 FP32 inputs of shape [1] (one row, one tensor per feature, as KServe
 * clients send a row); {@code inputs30x64}, the same with 64 rows each; {@code matrix64x30}, one FP32 tensor of
 * shape [64, 30] with nested data (as Triton clients send a bare model's matrix).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferRequestDecoderBenchmark {
  private static final int FEATURES = 30;

  @Param({"inputs30x1", "inputs30x64", "matrix64x30"})
  public String shape;

  private byte[] body;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    StringBuilder json = new StringBuilder("{\"inputs\": [");
    if (shape.equals("matrix64x30")) {
      json.append("{\"name\": \"input__0\", \"shape\": [64, 30], \"datatype\": \"FP32\", \"data\": [");
      for (int r = 0; r < 64; r++) {
        json.append(r == 0 ? "" : ", ");
        numbers(json, FEATURES, random);
      }
      json.append("]}");
    } else {
      int rows = shape.equals("inputs30x64") ? 64 : 1;
      for (int f = 0; f < FEATURES; f++) {
        json.append(f == 0 ? "" : ", ").append("{\"name\": \"f").append(f).append("\", \"shape\": [").append(rows)
            .append("], \"datatype\": \"FP32\", \"data\": ");
        numbers(json, rows, random);
        json.append('}');
      }
    }
    body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void numbers(StringBuilder json, int count, Random random) {
    json.append('[');
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ", ").append(Math.round(random.nextGaussian() * 10_000) / 10_000.0);
    }
    json.append(']');
  }

  @Benchmark
  public Object decode() {
    return InferRequestDecoder.decode(body, -1);
  }
}
