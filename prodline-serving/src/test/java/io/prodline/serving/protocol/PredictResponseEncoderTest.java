package io.prodline.serving.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.predict.Predictions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PredictResponseEncoderTest {
  private static String encode(Predictions p) {
    return new String(PredictResponseEncoder.encode(p), StandardCharsets.UTF_8);
  }

  @Test
  void writesOneNumberPerRowForBinaryAndRegression() {
    assertThat(encode(new Predictions(Task.BINARY_CLASSIFICATION, List.of("no", "yes"), 3, 1,
        new float[] {0.1f, 0.75f, 1f}))).isEqualTo("{\"predictions\":[0.1,0.75,1.0]}");
    assertThat(encode(new Predictions(Task.REGRESSION, List.of(), 1, 1, new float[] {-263.5f})))
        .isEqualTo("{\"predictions\":[-263.5]}");
  }

  @Test
  void writesAnArrayOfClassProbabilitiesPerRowForMulticlass() {
    assertThat(encode(new Predictions(Task.MULTICLASS_CLASSIFICATION, List.of("a", "b", "c"), 2, 3,
        new float[] {0.2f, 0.3f, 0.5f, 1f, 0f, 0f})))
        .isEqualTo("{\"predictions\":[[0.2,0.3,0.5],[1.0,0.0,0.0]]}");
  }

  @Test
  void everyFloatParsesBackToItselfFromItsShortestForm() {
    SplittableRandom random = new SplittableRandom(42);
    float[] values = new float[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? (float) random.nextDouble() : Float.intBitsToFloat(random.nextInt());
      if (!Float.isFinite(values[i])) {
        values[i] = Float.MIN_VALUE * i;
      }
    }
    values[0] = Float.MIN_VALUE;
    values[1] = Float.MAX_VALUE;
    values[2] = 1.0E-45f;
    values[3] = 2.0E-3f;
    String json = encode(new Predictions(Task.REGRESSION, List.of(), values.length, 1, values));
    String[] numbers = json.substring("{\"predictions\":[".length(), json.length() - 2).split(",");
    assertThat(numbers).hasSize(values.length);
    for (int i = 0; i < values.length; i++) {
      String text = numbers[i];
      assertThat(Float.parseFloat(text)).as(text).isEqualTo(values[i]);
      // Clients that read JSON numbers as doubles and narrow them must get the same float.
      assertThat((float) Double.parseDouble(text)).as(text).isEqualTo(values[i]);
      assertThat(text.length()).as(text).isLessThanOrEqualTo(Float.toString(values[i]).length());
    }
  }

  @Test
  void writesNonFiniteOutputsAsStrings() {
    assertThat(encode(new Predictions(Task.REGRESSION, List.of(), 1, 1, new float[] {Float.NaN})))
        .isEqualTo("{\"predictions\":[\"NaN\"]}");
    assertThat(encode(new Predictions(Task.MULTICLASS_CLASSIFICATION, List.of("a", "b"), 2, 2,
        new float[] {Float.POSITIVE_INFINITY, 0.5f, Float.NEGATIVE_INFINITY, Float.NaN})))
        .isEqualTo("{\"predictions\":[[\"Infinity\",0.5],[\"-Infinity\",\"NaN\"]]}");
  }
}
