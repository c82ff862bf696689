package io.prodline.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.predict.Predictions;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.PredictResponseEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * The REST predict path's JSON work for one request, without the network or the model: decoding a TF Serving
 * row-format body of {@code rows} instances of 30 numbers (as bench/serving's bodies: 4 decimals, about half
 * negative) into a Frame, and encoding {@code rows} binary-classification predictions. {@code jacksonTokens} is
 * the floor of any decoder built on Jackson's streaming parser: every token read and every number parsed as a
 * double, nothing stored. {@code decodeAndTransform} adds what a request costs before the model: the bare model's
 * transform (each input passed through) turning the frame into the model's float matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictCodecBenchmark {
  static final int FEATURES = 30;
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  @Param({"1", "64"})
  public int rows;

  private byte[] body;
  private List<Field> inputs;
  private Predictions predictions;
  private FittedTransform passThrough;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    StringBuilder json = new StringBuilder("{\"instances\": [");
    for (int r = 0; r < rows; r++) {
      json.append(r == 0 ? "[" : ", [");
      for (int f = 0; f < FEATURES; f++) {
        json.append(f == 0 ? "" : ", ").append(Math.round(random.nextGaussian() * 10_000) / 10_000.0);
      }
      json.append(']');
    }
    body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    List<Field> fields = new ArrayList<>();
    for (int f = 0; f < FEATURES; f++) {
      fields.add(new Field("f" + f, ColumnType.FLOAT64));
    }
    inputs = List.copyOf(fields);
    List<FeatureEncoder> encoders = new ArrayList<>();
    for (Field field : fields) {
      encoders.add(new NumericEncoder(field.name()));
    }
    passThrough = FittedTransform.of(encoders);
    float[] values = new float[rows];
    for (int r = 0; r < rows; r++) {
      values[r] = random.nextFloat();
    }
    predictions = new Predictions(Task.BINARY_CLASSIFICATION, List.of("no", "yes"), rows, 1, values);
  }

  @Benchmark
  public Object decode() {
    return PredictRequestDecoder.decodeRequest(body, inputs);
  }

  @Benchmark
  public float[] decodeAndTransform() {
    return passThrough.apply(PredictRequestDecoder.decodeRequest(body, inputs).frame());
  }

  @Benchmark
  public byte[] encode() {
    return PredictResponseEncoder.encode(predictions);
  }

  @Benchmark
  public double jacksonTokens() throws IOException {
    double sum = 0;
    try (JsonParser parser = FACTORY.createParser(body)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
          sum += parser.getDoubleValue();
        }
      }
    }
    return sum;
  }
}
