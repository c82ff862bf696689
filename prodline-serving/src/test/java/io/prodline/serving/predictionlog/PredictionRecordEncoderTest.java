package io.prodline.serving.predictionlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionRecordEncoderTest {
  @Test
  void numbersAreWrittenAsTheAnswerWritesThem() throws Exception {
    // Java 17's Float.toString writes this float as -1.09184755E9, one digit more than the shortest text the
    // answers use; the log must show what the client got.
    float output = Float.intBitsToFloat(-830330741);
    double input = 2e23; // Java 17's Double.toString: 2.0000000000000002E23
    PredictionRecord record = new PredictionRecord("id", "m", 1, 0, 1,
        Frame.of(List.of("x"), List.of(Float64Column.of(input))),
        new Predictions(Task.REGRESSION, List.of(), 1, 1, new float[] {output}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PredictionRecordEncoder.write(record, out);
    String line = out.toString(StandardCharsets.UTF_8);
    assertThat(line).contains("\"outputs\":[" + Json.MAPPER.writeValueAsString(output) + "]")
        .contains("\"outputs\":[-1.0918476E9]")
        .contains("\"x\":[" + Json.MAPPER.writeValueAsString(input) + "]")
        .contains("\"x\":[2.0E23]");
  }
}
